import { ProgressBar, Text } from '@fluentui/react-components';

/** A progress bar with its figure beside it (the percentage, then what is counted): a bar alone says too little. */
export function FiguredProgress({ value, label, figure }: { value: number; label: string; figure: string }) {
  return (
    <div className="figured-progress">
      <ProgressBar value={value} aria-label={label} />
      <Text size={200}>{figure}</Text>
    </div>
  );
}
