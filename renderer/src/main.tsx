import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppCrashed } from './app/AppCrashed';
import { ErrorBoundary } from './components/common/ErrorBoundary';
import { initTheme } from './app/theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/sidebar.css';
import './styles/chat.css';
import './styles/composer.css';
import './styles/dialog.css';
import './styles/settings.css';

initTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary fallback={(error) => <AppCrashed error={error} />}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
