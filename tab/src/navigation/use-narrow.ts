import { useEffect, useState } from 'react';

/** Below this width (Teams' narrow tab, a phone) the navigation folds into a menu. */
const narrowQuery = '(max-width: 767px)';

/** Whether the window is narrow now; follows resizes. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(narrowQuery).matches);
  useEffect(() => {
    const query = window.matchMedia(narrowQuery);
    const follow = () => setNarrow(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return narrow;
}
