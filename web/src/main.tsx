import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Noto Sans SC bundled (no font service on a closed network), split by unicode-range: a page loads only the slices its characters need.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
