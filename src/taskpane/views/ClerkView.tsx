// The clerk's view (Excel, one unit's reporting officer), kept behind the Shell's lazy "clerk" chunk.
export { ClerkApp as ClerkView } from './clerk/ClerkApp';
