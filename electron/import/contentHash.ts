// The hash lives in store/ (documents are found by it there); importers keep this path.
export { hashText } from '../store/contentHash';
