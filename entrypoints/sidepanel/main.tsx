import { mountPage } from '~/components/mount';
import { SidePanelApp, preloadInitialSection } from '~/components/sidepanel/SidePanelApp';
import { getDb } from '~/lib/db';

// Start the slow first steps now, in parallel, rather than one after another once React has rendered:
// the section's code and opening the database (the first query would open it only after the first commit).
preloadInitialSection();
void getDb()
  .open()
  .catch(() => undefined); // the first query reports the same error where it is shown
mountPage(<SidePanelApp />);
