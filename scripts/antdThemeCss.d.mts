export function antdThemeCss(themeOf: (largeType: boolean, motion: boolean) => object, largeTypeClass: string): string;
