// A bar chart per indicator group, drawn with Chart.js (well kept, canvas, tree-shakable), which is
// imported only when the first chart is shown: its own chunk, never on the sign-in page's load.
// The canvas is an image with a text alternative; the figures themselves are in the table above it.
import { useEffect, useRef, useState } from 'react';
import { Caption1, Spinner } from '@fluentui/react-components';
import { web } from '../../text/web';
import type { ChartPoint } from './chart-points';

const t = web.consolidator;

export function GroupChart({ group, points }: { group: string; points: readonly ChartPoint[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (points.length === 0) return undefined;
    let chart: { destroy: () => void } | null = null;
    let live = true;
    void import(/* webpackChunkName: "chartjs" */ 'chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip }) => {
      if (!live || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: { labels: points.map((p) => p.label), datasets: [{ label: t.percent, data: points.map((p) => p.percent), backgroundColor: '#0f6cbd' }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, title: { display: true, text: t.percent } } } },
      });
      setReady(true);
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [points]);
  if (points.length === 0) return <Caption1>{t.chartNoPercent}</Caption1>;
  return (
    <figure style={{ margin: 0, height: '220px', position: 'relative' }}>
      {!ready && <Spinner size="tiny" label={t.chartLoading} />}
      <canvas ref={canvas} role="img" aria-label={t.chartAlt(group)} />
    </figure>
  );
}
