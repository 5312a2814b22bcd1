import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../components/Dialog';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const detectorClass = (): BarcodeDetectorClass | undefined => (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;

/**
 * "Scan the QR code" with the camera, shown only where the browser has `BarcodeDetector`
 * (pasting always works). Hands over the first QR code's text.
 */
export function QrScanButton({ label, onScanned }: { label: string; onScanned: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!detectorClass() || !navigator.mediaDevices?.getUserMedia) return null;
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <ScanDialog
          onClose={() => setOpen(false)}
          onScanned={(text) => {
            setOpen(false);
            onScanned(text);
          }}
        />
      ) : null}
    </>
  );
}

function ScanDialog({ onClose, onScanned }: { onClose: () => void; onScanned: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const done = useRef(onScanned);
  done.current = onScanned;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const Detector = detectorClass()!;
    const detector = new Detector({ formats: ['qr_code'] });
    const scan = async () => {
      if (stopped || !video.current) return;
      try {
        const [found] = await detector.detect(video.current);
        if (found?.rawValue) return done.current(found.rawValue);
      } catch {
        // A frame that is not ready yet; try the next one.
      }
      timer = setTimeout(scan, 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        void scan();
      })
      .catch(() => setProblem('The camera could not be opened. Allow the camera for this page, or paste the link instead.'));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Dialog title="Scan the QR code" onClose={onClose}>
      {problem ? <p className="field-error">{problem}</p> : <p>Point the camera at the QR code in the email.</p>}
      <video ref={video} className="qr-video" muted playsInline aria-label="Camera view" />
    </Dialog>
  );
}
