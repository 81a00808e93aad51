/** The app's IndexedDB database (its own module: the page's entry names it without the schema's code). */
export const DB_NAME = 'yishi';
