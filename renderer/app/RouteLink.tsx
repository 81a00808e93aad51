import type { AnchorHTMLAttributes } from 'react';

/**
 * A link to a screen of the app, as a plain anchor on the hash route (the app runs in a
 * HashRouter, in Electron as in the browser). React Router's Link reads the location and the
 * router's hooks, so every Link on screen renders again at every change of the address (forty on
 * a page of the 督办 board, at each filter change) and costs more to draw on lists such as the
 * 工作台's. This one renders only with its line.
 */
export function RouteLink({ to, ...anchor }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return <a {...anchor} href={`#${to}`} />;
}
