// The console's own script: the CSRF header on every htmx request, and where the live tail resumes.
window.eskit = {
  /** The cursor right after the newest row of the live tail, or where the tail started when it has none. */
  tailCursor() {
    const newest = document.querySelector('#tail-rows tr[data-cursor]');
    return newest ? newest.dataset.cursor : document.getElementById('tail-control').dataset.after;
  }
};

document.addEventListener('htmx:configRequest', (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// the tail keeps the newest 500 rows
document.addEventListener('htmx:sseMessage', () => {
  const rows = document.querySelectorAll('#tail-rows tr');
  for (let i = 500; i < rows.length; i++) {
    rows[i].remove();
  }
});
