// The last line of defence: an error no inner boundary caught. The window says what
// happened and offers a reload instead of going blank; the history is on disk either way.
export function AppCrashed({ error }: { error: Error }) {
  return (
    <main className="app-crashed">
      <section className="empty-state" aria-labelledby="crashed-title">
        <h1 id="crashed-title">Parley ran into a problem</h1>
        <p role="alert">The window hit an error it could not recover from: {error.message}</p>
        <p>Your conversations, keys and settings are safe. Reloading the window brings them back.</p>
        <button type="button" className="button primary" onClick={() => location.reload()}>
          Reload window
        </button>
      </section>
    </main>
  );
}
