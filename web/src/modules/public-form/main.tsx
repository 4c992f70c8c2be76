/** @jsxImportSource preact */
import '../../customer/customer.css';
import { render } from 'preact';
import { PublicFormPage } from './public-form-page.tsx';

// The page of /complain/<org>: the org's slug is the path's second segment.
const slug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from public-form.html');
render(
  <PublicFormPage orgSlug={slug} params={new URLSearchParams(window.location.search)} />,
  root,
);
