/**
 * Entry point: mounts the app into index.html's #root. This is the only module that
 * touches `document` at start-up.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/theme.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no element with id "root"');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
