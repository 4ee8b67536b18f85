/** Offers bytes as a download (never opened on the app's origin). */
export function downloadFile(data: BlobPart, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `mmdma-report-armenia-2022.html`: ASCII, safe on every file system. */
export function reportFileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `mmdma-report${slug ? `-${slug}` : ''}.${extension}`;
}
