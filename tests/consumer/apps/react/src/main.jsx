// A fresh app as a user writes it from the @tensile/react README: a list that pulls to refresh.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useDamping } from '@tensile/react';

const rows = Array.from({ length: 60 }, (_, index) => <li key={index} style={{ padding: 12 }}>Row {index + 1}</li>);

function Feed() {
  const [refreshed, setRefreshed] = useState(0);
  const [ref, pull] = useDamping({ pullToRefresh: { onRefresh: async () => setRefreshed((count) => count + 1) } });
  return (
    <main>
      <p data-testid="status">refreshed {refreshed} ({pull.state})</p>
      <ul ref={ref} data-testid="list" style={{ height: '80vh', overflow: 'auto', margin: 0, padding: 0, listStyle: 'none' }}>{rows}</ul>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<Feed />);
