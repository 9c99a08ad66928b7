// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  // The public address; override with SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? 'https://laomo.example.org',
  trailingSlash: 'always',
  markdown: {
    processor: satteri({
      features: {
        // Smart punctuation would turn the straight quotes of Chinese text into Western curly quotes.
        smartPunctuation: false,
        gfm: { footnotes: { label: '注释', backLabel: '返回正文' } },
      },
    }),
  },
  integrations: [mdx()],
});
