// Mounts a shared uPlot plot on an element for the life of the component.
import { useEffect, useRef, useState } from 'react';
import { createPlot, type Plot, type PlotOptions } from '@tensile/demo-shared';

export function usePlot(options: PlotOptions) {
  const ref = useRef<HTMLDivElement>(null);
  const [plot, setPlot] = useState<Plot | null>(null);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const created = createPlot(ref.current!, {
      ...latest.current,
      // eslint-disable-next-line no-restricted-syntax -- the callback's own few arguments, not data
      onDragPoint: (...args) => latest.current.onDragPoint?.(...args),
    });
    setPlot(created);
    return () => created.destroy();
  }, []);
  return [ref, plot] as const;
}
