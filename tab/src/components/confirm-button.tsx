import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  type ButtonProps,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useLanguage } from '../i18n/language.js';

interface ConfirmButtonProps {
  readonly label: string;
  readonly question: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
  readonly appearance?: ButtonProps['appearance'];
  /** When set, the person must type this text (a job's name) before confirming. */
  readonly typeToConfirm?: string;
  readonly typeLabel?: string;
}

/** Every destructive action goes through this: a dialog that names what will happen, Cancel focused first. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { t } = useLanguage();
  const [typed, setTyped] = useState('');
  const ready = props.typeToConfirm === undefined || typed === props.typeToConfirm;
  return (
    <Dialog modalType="alert" onOpenChange={() => setTyped('')}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={props.appearance ?? 'secondary'} disabled={props.disabled ?? false}>
          {props.label}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.label}</DialogTitle>
          <DialogContent>
            <p>{props.question}</p>
            {props.typeToConfirm !== undefined && (
              <Field label={props.typeLabel ?? props.typeToConfirm}>
                <Input value={typed} onChange={(_, data) => setTyped(data.value)} />
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('cancel')}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" disabled={!ready} onClick={props.onConfirm}>
                {t('confirm')}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
