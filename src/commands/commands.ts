// The ribbon's function file: Office requires it to initialise even though every button in
// manifest.xml opens the taskpane (ShowTaskpane) and none runs a function yet.
import { whenOfficeReady } from '../office/host';

void whenOfficeReady();
