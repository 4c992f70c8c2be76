/** @jsxImportSource preact */
import '../../customer/customer.css';
import { render } from 'preact';
import { PortalPage } from './portal-page.tsx';

// The page of /track/<token>: the token is the path's second segment.
const token = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from portal.html');
render(<PortalPage token={token} />, root);
