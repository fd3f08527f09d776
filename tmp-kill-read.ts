import { createDatabase } from '@/lib/db/client';
import { transcriptItems } from '@/lib/db/schema';
const h = createDatabase({ pgliteDir: '/tmp/cue-kill/pglite' });
const rows = await h.db.select().from(transcriptItems);
console.log('rows after kill:', rows.length);
await h.close();
