import { useEffect, useRef, useState, type RefObject } from 'react';
import { App, Button, Space } from 'antd';
import { ClearOutlined, CheckOutlined, UndoOutlined } from '@ant-design/icons';
import SignaturePadLib from 'signature_pad';
import { useTranslation } from 'react-i18next';
import { cropPlan, inkBounds } from './trim';
import './signatures.css';
import './messages';

export interface SignaturePadProps {
  /** Receives the trimmed signature as a PNG data URL (at most 600×240 px, transparent). */
  onConfirm(pngDataUrl: string): void;
  /** Shown in the prompt: "请 张丽华 在下面的框内签名". */
  signerName?: string;
  /** Height of the pad in CSS pixels; it is as wide as its container. */
  height?: number;
  disabled?: boolean;
}

/** Margin kept around the ink, in CSS pixels. */
const MARGIN_CSS = 12;
/** A signature narrower and lower than this (CSS px) is a stray tap, not a name. */
const MIN_INK_CSS = 12;

/**
 * Crops the pad's canvas to the ink plus a margin and scales it to at most 600×240, so each
 * attendance record carries a few kilobytes, not a full-resolution screen capture.
 */
function trimmedSignature(
  canvas: HTMLCanvasElement,
  ratio: number,
): { dataUrl: string } | { problem: 'emptySignature' | 'tooSmall' } {
  const ctx = canvas.getContext('2d');
  if (!ctx) return { problem: 'emptySignature' };
  const ink = inkBounds(ctx.getImageData(0, 0, canvas.width, canvas.height));
  if (!ink) return { problem: 'emptySignature' };
  if (ink.width < MIN_INK_CSS * ratio && ink.height < MIN_INK_CSS * ratio) return { problem: 'tooSmall' };
  const plan = cropPlan(ink, canvas, Math.round(MARGIN_CSS * ratio));
  const out = document.createElement('canvas');
  out.width = plan.width;
  out.height = plan.height;
  const octx = out.getContext('2d');
  if (!octx) return { problem: 'emptySignature' };
  octx.imageSmoothingQuality = 'high';
  const { x, y, width, height } = plan.source;
  octx.drawImage(canvas, x, y, width, height, 0, 0, plan.width, plan.height);
  return { dataUrl: out.toDataURL('image/png') };
}

/**
 * The signature_pad instance on a canvas: a variable-width brush, sharp on high-DPI screens.
 * The backing store is in device pixels and drawing in CSS pixels; strokes are replayed on
 * resize (window, screen change) so the signature survives it.
 */
function useSignaturePadInstance(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  onInkChange: (hasInk: boolean) => void,
) {
  const padRef = useRef<SignaturePadLib | null>(null);
  const ratioRef = useRef(1);
  const inkChange = useRef(onInkChange);
  useEffect(() => {
    inkChange.current = onInkChange;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePadLib(canvas, {
      minWidth: 0.8,
      maxWidth: 3.2,
      penColor: 'rgb(20, 20, 20)',
      // Transparent, so the trimmed PNG sits cleanly on the printed 签到表.
      backgroundColor: 'rgba(0,0,0,0)',
      velocityFilterWeight: 0.7,
    });
    padRef.current = pad;
    const onEnd = () => inkChange.current(!pad.isEmpty());
    pad.addEventListener('endStroke', onEnd);
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      if (width === 0 || height === 0 || (canvas.width === width && canvas.height === height)) return;
      ratioRef.current = ratio;
      const data = pad.toData();
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.fromData(data);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    const dpr = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    dpr.addEventListener('change', resize);
    return () => {
      observer.disconnect();
      dpr.removeEventListener('change', resize);
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, [canvasRef]);

  return { padRef, ratioRef };
}

/** Screen signature capture (mouse, pen, touch). 确认签名 refuses an empty pad. */
export function SignaturePad({ onConfirm, signerName, height = 220, disabled = false }: SignaturePadProps) {
  const { t } = useTranslation('signatures');
  const { message } = App.useApp();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hasInk, setHasInk] = useState(false);
  const { padRef, ratioRef } = useSignaturePadInstance(canvasRef, setHasInk);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad || !disabled) return;
    pad.off();
    return () => pad.on();
  }, [disabled, padRef]);

  const clear = () => {
    padRef.current?.clear();
    setHasInk(false);
  };
  const undoStroke = () => {
    const pad = padRef.current;
    if (!pad) return;
    const data = pad.toData();
    pad.fromData(data.slice(0, -1));
    setHasInk(!pad.isEmpty());
  };
  const confirm = () => {
    const canvas = canvasRef.current;
    if (!canvas || !padRef.current || padRef.current.isEmpty()) {
      void message.warning(t('emptySignature'));
      return;
    }
    const result = trimmedSignature(canvas, ratioRef.current);
    if ('problem' in result) void message.warning(t(result.problem));
    else onConfirm(result.dataUrl);
  };

  return (
    <div className="yishi-signature">
      <div className="yishi-signature-prompt">
        {signerName ? t('padPromptNamed', { name: signerName }) : t('padPrompt')}
      </div>
      <div className="yishi-signature-frame" style={{ height }}>
        {hasInk ? null : (
          <span className="yishi-signature-placeholder" aria-hidden>
            {t('padPlaceholder')}
          </span>
        )}
        <canvas ref={canvasRef} className="yishi-signature-canvas" role="img" aria-label={t('padLabel')} />
      </div>
      <Space className="yishi-signature-actions">
        <Button icon={<ClearOutlined />} onClick={clear} disabled={disabled || !hasInk}>
          {t('clear')}
        </Button>
        <Button icon={<UndoOutlined />} onClick={undoStroke} disabled={disabled || !hasInk}>
          {t('undoStroke')}
        </Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={confirm} disabled={disabled}>
          {t('confirm')}
        </Button>
      </Space>
    </div>
  );
}
