/** The allow-list that decides how an attachment may be shown (issue 8, item 1). */
import { describe, expect, it } from 'vitest';
import { attachmentPresentation, DOWNLOAD_MEDIA_TYPE, servedMediaType } from '../../src/core/security/attachmentPolicy';

describe('attachment presentation', () => {
  it.each(['image/png', 'image/jpeg', 'IMAGE/GIF', 'image/webp', 'image/avif', 'image/bmp'])('%s is an inline image', (type) => {
    expect(attachmentPresentation(type)).toBe('inline-image');
  });

  it.each([
    'image/svg+xml',
    'image/svg+xml; charset=utf-8',
    'text/html',
    'application/xhtml+xml',
    'text/xml',
    'application/xml',
    'application/pdf',
    'text/javascript',
    'application/javascript',
    'image/x-icon',
    'multipart/x-mixed-replace',
    'application/octet-stream',
    'text/plain',
    'video/mp4',
  ])('%s is only ever downloaded, and served as application/octet-stream', (type) => {
    expect(attachmentPresentation(type)).toBe('download');
    expect(servedMediaType(type)).toBe(DOWNLOAD_MEDIA_TYPE);
  });

  it('plays common audio inline and serves allow-listed types as themselves, without parameters', () => {
    expect(attachmentPresentation('audio/webm;codecs=opus')).toBe('inline-audio');
    expect(servedMediaType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(servedMediaType('image/JPEG')).toBe('image/jpeg');
  });
});
