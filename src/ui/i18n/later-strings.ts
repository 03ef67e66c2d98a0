// Imported for its effect by each lazy part that shows strings-en-later.ts's keys: adds them to the
// English table before the part renders (the Chinese table already has every key).
import { EN_LATER } from './strings-en-later';
import { addEnglish } from './translate';

addEnglish(EN_LATER);
