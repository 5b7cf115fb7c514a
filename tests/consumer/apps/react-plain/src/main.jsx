// The React app without Tensile (same list, no pull): the baseline its added bytes are measured from.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const rows = Array.from({ length: 60 }, (_, index) => <li key={index} style={{ padding: 12 }}>Row {index + 1}</li>);

function Feed() {
  const [refreshed] = useState(0);
  return (
    <main>
      <p data-testid="status">refreshed {refreshed} (idle)</p>
      <ul data-testid="list" style={{ height: '80vh', overflow: 'auto', margin: 0, padding: 0, listStyle: 'none' }}>{rows}</ul>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<Feed />);
