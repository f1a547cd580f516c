/** The page side of `npm run eval:pages`: the app's own extraction, bundled into a blank page. */
import { extractHtml, htmlText } from '../src/files/html';

(window as never as { evalPages: object }).evalPages = { extractHtml, htmlText };
