// Entry of the React demo: StrictMode on purpose, so the adapter's double effects are exercised.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@tensile/demo-shared/styles.css';
import { App } from './App';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
