// The head's view (Word): the sign-off flow of WordView, kept behind the Shell's lazy "head" chunk.
export { WordView as HeadView } from './WordView';
