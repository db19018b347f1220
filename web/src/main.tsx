import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './index.css';
import './i18n';
import { App } from './App';
import { clearCacheOnSignOut, restoreSession } from './auth/session';
import { queryClient } from './lib/queryClient';

// Started here, once, rather than in an effect: StrictMode runs effects twice, and a refresh token
// presented twice revokes the whole session.
void restoreSession();
clearCacheOnSignOut(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
