// The floor for our stack's entry chunk: React 19 and react-dom rendering one div, nothing else. Built by
// `npm run bench` with the project's Vite and React plugin in the same run as the app (scripts/bench/entry-floor.mjs).
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')).render(createElement(StrictMode, null, createElement('div', null, 'Blank')));
