/**
 * The photos of the cases (content/cases/images/), by the path a case writes: `./images/x.jpg`. Vite imports
 * them at build time, so they go through astro:assets and sharp like an `import`ed image.
 */
import type { ImageMetadata } from 'astro';

const images = import.meta.glob<ImageMetadata>('/content/cases/images/**/*.{jpg,jpeg,png,webp,avif,gif,JPG,JPEG,PNG,WEBP}', {
  eager: true,
  import: 'default',
});

/** `./images/x.jpg` (relative to content/cases/*.mdx) → the image; throws a Chinese message for a missing file. */
export function caseImage(path: string): ImageMetadata {
  const normalised = path.trim().replace(/^\.\//, '');
  const found = images[`/content/cases/${decodeURI(normalised)}`];
  if (!found && !/\.(?:jpe?g|png|webp|avif|gif)$/i.test(normalised)) {
    throw new Error(`图片格式不支持：${path}。请把照片存成 JPG、PNG 或 WebP 再上传。`);
  }
  if (!found) {
    throw new Error(`图片文件不存在：${path}。照片应放在 content/cases/images/ 中，路径写作 ./images/文件名.jpg（区分大小写）。`);
  }
  return found;
}
