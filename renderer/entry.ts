// The page's entry, kept small so that three things start at once: the database is opened (warmed
// from disk), the code of the screen the window opens on is fetched, and the app's own code.
// From main.tsx alone, each waited for the app's code (~40 chunks) to load and run first.
import { preloadScreenAt } from './app/screens';
import { warmDatabase } from './data/warmDatabase';
import { DB_NAME } from '../shared/store/dbName';

void warmDatabase(DB_NAME).catch(() => false);
void preloadScreenAt(location.hash).catch(() => undefined); // main.tsx waits for it; a failure shows on the screen
void import('./main');
