import { CameraOutlined, EnvironmentOutlined, PictureOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Result, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { myClockInsKey, type ClockIn } from './api';
import { captureDescriptor, capturePhoto, closeCamera, deviceId, openCamera, photoFromFile, type Photo } from './camera';
import { wgs84ToGcj02 } from './gcj02';
import { Verdicts } from './Verdicts';

type Position = { lat: number; lng: number; accuracy: number };
type Located = { state: 'locating' } | { state: 'located'; position: Position } | { state: 'failed'; denied: boolean };

/** The browser's position, as GCJ-02 (what a rule's places are in). */
function locate(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('unavailable'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ ...wgs84ToGcj02(p.coords.latitude, p.coords.longitude), accuracy: Math.round(p.coords.accuracy) }),
      (error) => reject(error),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  });
}

/** The camera's preview and its controls: open, capture a still, retake. */
function useCamera() {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const [open, setOpen] = useState(false);
  // Frames are there to capture once the stream plays.
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => () => closeCamera(stream.current), []);
  return {
    video,
    open,
    ready,
    failed,
    start: async () => {
      setFailed(false);
      setOpen(true);
      try {
        // The element mounts with `open`; wait a frame for it.
        await new Promise((r) => requestAnimationFrame(r));
        stream.current = await openCamera(video.current!);
        setReady(true);
      } catch {
        setOpen(false);
        setFailed(true);
      }
    },
    stop: () => {
      closeCamera(stream.current);
      stream.current = undefined;
      setReady(false);
      setOpen(false);
    },
  };
}

/**
 * The member's 打卡 at /app/attendance, made for a phone: today's rule and shift, the position from
 * the browser, an optional camera photo and a note, a face check when the rule needs one (with
 * 人脸录入 first), and the verdict of each clock-in the server records.
 */
export function ClockInPage() {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['/attendance/my-rule'], queryFn: () => api.get('/attendance/my-rule') });
  const today = useQuery({ queryKey: myClockInsKey, queryFn: () => api.get('/attendance/my-clock-ins') });
  const rule = mine.data?.rule;
  const face = useQuery({ queryKey: ['/attendance/my-face'], queryFn: () => api.get('/attendance/my-face'), enabled: rule?.face === true });
  const [located, setLocated] = useState<Located>({ state: 'locating' });
  const [photo, setPhoto] = useState<Photo | null>(null);
  const photoFile = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [last, setLast] = useState<ClockIn | null>(null);
  const camera = useCamera();

  const refreshLocation = async () => {
    setLocated({ state: 'locating' });
    try {
      const position = await locate();
      setLocated({ state: 'located', position });
      return position;
    } catch (error) {
      setLocated({ state: 'failed', denied: (error as GeolocationPositionError).code === 1 });
      return undefined;
    }
  };
  useEffect(() => {
    void refreshLocation();
  }, []);

  const enrol = useMutation({
    mutationFn: () => api.put('/attendance/my-face', { body: { descriptor: captureDescriptor(camera.video.current!) } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/attendance/my-face'] });
      void message.success(t('clock.enrolDone'));
    },
    onError: notifyError,
  });
  const punch = useMutation({
    mutationFn: async () => {
      const position = (await refreshLocation()) ?? undefined;
      const descriptor = rule?.face && camera.ready ? captureDescriptor(camera.video.current!) : undefined;
      return api.post('/attendance/clock-ins', {
        body: {
          deviceId: deviceId(),
          ...(position && { lat: position.lat, lng: position.lng }),
          ...(note.trim() && { note: note.trim() }),
          ...(photo && { photo: { contentType: photo.contentType, dataBase64: photo.dataBase64 } }),
          ...(descriptor && { face: descriptor }),
        },
      });
    },
    onSuccess: async (clockIn) => {
      setLast(clockIn);
      setPhoto(null);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: myClockInsKey });
    },
  });

  if (mine.isError) return <LoadFailed error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Spin />;
  if (!rule) return <Result status="info" title={t('clock.noRule')} />;

  return (
    <>
      <PageHeader title={t('clock.title')} />
      <Flex vertical gap="middle">
        <Card size="small" title={rule.name} extra={t('clock.today', { day: mine.data.day })}>
          <Flex vertical gap={4}>
            <Typography.Text>{mine.data.restDay ? t('clock.restDay') : t('clock.shift', { start: rule.shift.start, end: rule.shift.end })}</Typography.Text>
            {rule.places.length > 0 && (
              <Typography.Text type="secondary">
                {t('clock.places')}: {rule.places.map((p) => p.name).join(', ')}
              </Typography.Text>
            )}
            {rule.photo && <Typography.Text type="secondary">{t('clock.needsPhoto')}</Typography.Text>}
            {rule.face && <Typography.Text type="secondary">{t('clock.needsFace')}</Typography.Text>}
          </Flex>
        </Card>

        <Card size="small" title={t('clock.location')} extra={<Button size="small" icon={<EnvironmentOutlined />} aria-label={t('clock.location')} onClick={() => void refreshLocation()} />}>
          {located.state === 'locating' && <Typography.Text type="secondary">{t('clock.locating')}</Typography.Text>}
          {located.state === 'located' && <Typography.Text data-testid="location">{t('clock.located', { accuracy: located.position.accuracy })}</Typography.Text>}
          {located.state === 'failed' && <Alert type="warning" showIcon title={t('clock.noLocation', { reason: located.denied ? t('clock.locationDenied') : t('clock.locationUnavailable') })} />}
        </Card>

        {rule.face && (
          <Card size="small" title={t('clock.face')}>
            <Typography.Text type={face.data?.enrolled ? 'success' : 'warning'}>{face.data?.enrolled ? t('clock.enrolled') : t('clock.notEnrolled')}</Typography.Text>
          </Card>
        )}

        <Card size="small" title={t('clock.photo')}>
          <Flex vertical gap="small" align="start">
            {camera.open && <video ref={camera.video} muted playsInline style={{ width: '100%', maxWidth: 480, borderRadius: 8, background: '#000' }} data-testid="camera" />}
            {photo && !camera.open && <img src={photo.dataUrl} alt={t('clock.photo')} style={{ width: '100%', maxWidth: 320, borderRadius: 8 }} data-testid="photo" />}
            {camera.failed && <Alert type="warning" showIcon title={t('clock.cameraFailed')} />}
            {/* On a phone, `capture` opens the camera app (the back camera); elsewhere, a file picker. */}
            <input
              ref={photoFile}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              aria-label={t('clock.phoneCamera')}
              data-testid="photo-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) photoFromFile(file).then(setPhoto, () => void message.error(t('clock.photoUnreadable')));
              }}
            />
            <Flex gap="small" wrap>
              {!camera.open && (
                <Button icon={<CameraOutlined />} onClick={() => void camera.start()}>
                  {photo ? t('clock.retake') : t('clock.openCamera')}
                </Button>
              )}
              {camera.open && (
                <Button
                  type="primary"
                  disabled={!camera.ready}
                  onClick={() => {
                    setPhoto(capturePhoto(camera.video.current!));
                    if (!rule.face) camera.stop();
                  }}
                >
                  {t('clock.takePhoto')}
                </Button>
              )}
              {!camera.open && (
                <Button icon={<PictureOutlined />} onClick={() => photoFile.current?.click()}>
                  {t('clock.phoneCamera')}
                </Button>
              )}
              {rule.face && camera.open && (
                <Button loading={enrol.isPending} disabled={!camera.ready} onClick={() => enrol.mutate()}>
                  {t('clock.enrol')}
                </Button>
              )}
            </Flex>
          </Flex>
        </Card>

        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} rows={2} placeholder={t('clock.note')} aria-label={t('clock.note')} />
        <ErrorAlert error={punch.error} />
        <Button type="primary" size="large" block loading={punch.isPending} disabled={rule.face && !camera.ready} onClick={() => punch.mutate()}>
          {t('clock.submit')}
        </Button>
        {last && (
          <Alert
            type={last.verdicts.length ? 'warning' : 'success'}
            showIcon
            data-testid="clock-result"
            title={
              <Flex gap="small" wrap align="center">
                {t('clock.done', { kind: t(`kind.${last.kind}`), time: dayjs(last.at).format('HH:mm:ss') })}
                <Verdicts verdicts={last.verdicts} />
              </Flex>
            }
          />
        )}

        <Card size="small" title={t('clock.mine')} extra={<Link to="/app/attendance/records">{t('mine.link')}</Link>}>
          {today.data?.items.length ? (
            <List
              dataSource={today.data.items}
              renderItem={(c) => (
                <List.Item key={c.id} data-testid="my-clock-in">
                  <Flex gap="small" wrap align="center">
                    <Tag>{t(`kind.${c.kind}`)}</Tag>
                    <Typography.Text>{dayjs(c.at).format('HH:mm:ss')}</Typography.Text>
                    <Verdicts verdicts={c.verdicts} />
                  </Flex>
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clock.none')} />
          )}
        </Card>
      </Flex>
    </>
  );
}
