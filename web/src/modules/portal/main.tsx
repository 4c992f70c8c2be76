/** @jsxImportSource preact */
import '../../customer/customer.css';
import { render } from 'preact';
import { PortalPage } from './portal-page.tsx';
import { SurveyPage } from './survey-page.tsx';

// The page of /track/<token> (the portal) or /survey/<token> (a survey mail's links): the
// token is the path's second segment.
const [, page, segmentOfToken] = window.location.pathname.split('/');
const token = decodeURIComponent(segmentOfToken ?? '');
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from portal.html');
render(
  page === 'survey' ? (
    <SurveyPage token={token} search={window.location.search} />
  ) : (
    <PortalPage token={token} />
  ),
  root,
);
