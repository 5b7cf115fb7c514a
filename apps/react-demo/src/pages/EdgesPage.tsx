// #/edges: a container that scrolls both ways and stretches on all four edges.
import { useDamping } from '@tensile/react';
import { EDGE_TILES, TEST_IDS } from '@tensile/demo-shared';

export function EdgesPage() {
  // Shows nothing of the snapshot: a selector of nothing keeps the page from rendering per frame.
  const [ref] = useDamping({ axis: 'both', input: { mouse: true } }, () => null);
  return (
    <div className="scroller framed" ref={ref} tabIndex={0} role="region" aria-label="A grid that bounces on every edge" data-testid={TEST_IDS.edgesScroller}>
      <div className="elastic-content edges-grid">
        {EDGE_TILES.map((tile) => (
          <div key={tile.key} className="tile" style={{ background: tile.color }}>{tile.label}</div>
        ))}
      </div>
    </div>
  );
}
