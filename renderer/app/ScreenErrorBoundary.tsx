import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Problem } from './Problem';
import { PlainButton } from './plain/PlainButton';
import { PlainSpace } from './plain/PlainSpace';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

interface BoundaryProps {
  children: ReactNode;
  fallback(error: unknown): ReactNode;
  /** A change of it after a failure draws the children again (the user went elsewhere). */
  resetKey?: string;
}

/** `caught` tells "nothing thrown" from a thrown undefined or null. */
export class Boundary extends Component<BoundaryProps, { caught: boolean; error: unknown }> {
  override state = { caught: false, error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { caught: true, error };
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (this.state.caught && previous.resetKey !== this.props.resetKey)
      this.setState({ caught: false, error: undefined });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('a screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.caught ? this.props.fallback(this.state.error) : this.props.children;
  }
}

function ScreenError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Problem
      status="error"
      title={t('errors.screenTitle')}
      subTitle={t('errors.screenLead', { message })}
      extra={
        <PlainSpace>
          <PlainButton type="primary" onClick={() => location.reload()}>
            {t('errors.reload')}
          </PlainButton>
          <PlainButton href="#/meetings">{t('errors.backToMeetings')}</PlainButton>
        </PlainSpace>
      }
    />
  );
}

/**
 * A screen that throws while drawing (a bug, a damaged row, its code failing to load) shows a
 * message with a way out instead of taking the whole window blank with it. Keyed by the route,
 * so going to another screen starts afresh.
 */
export function ScreenErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary key={pathname} fallback={(error) => <ScreenError error={error} />}>
      {children}
    </Boundary>
  );
}

/**
 * The same message, for what sits above the screens' boundary (antd's providers, App.tsx): not
 * drawn afresh at each move, which would draw the providers again, but tried again after a
 * failure once the user goes elsewhere (回到会议列表).
 */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary resetKey={pathname} fallback={(error) => <ScreenError error={error} />}>
      {children}
    </Boundary>
  );
}
