<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the site's RSS feeds (/rss.xml, /regions/…/rss.xml) look when opened in a browser: a Chinese page that says
  what a feed is and how to subscribe, with the latest articles. Feed readers ignore this file.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/>（RSS 订阅）</title>
        <style>
          body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f1f1f; background: #faf8f5; line-height: 1.7; }
          .wrap { max-width: 42rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
          .masthead { border-bottom: 3px solid #b3261e; padding-bottom: .5rem; margin-bottom: 1.25rem; }
          .masthead a { color: #b3261e; font-weight: 700; text-decoration: none; font-size: 1.1rem; }
          h1 { font-size: 1.5rem; margin: .25rem 0 .75rem; }
          .about { background: #fff; border-left: 4px solid #b3261e; padding: .75rem 1rem; margin: 0 0 1.5rem; }
          .about p { margin: .35rem 0; }
          h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
          ol { list-style: none; padding: 0; margin: 0; }
          li { padding: .75rem 0; border-bottom: 1px solid #e4ded6; }
          li a { color: #1a4f8b; font-weight: 600; }
          .meta { color: #666; font-size: .9rem; white-space: pre-line; margin: .25rem 0 0; }
        </style>
      </head>
      <body>
        <div class="wrap">
          <p class="masthead"><a href="{/rss/channel/link}">浙江劳模工匠</a></p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <div class="about">
            <p><strong>这是一个 RSS 订阅源。</strong>订阅后，本站有新案例时，您的阅读器会自动收到更新，不必常来查看。</p>
            <p>订阅方法：复制浏览器地址栏里的网址，粘贴到 RSS 阅读器（如 Feedly、Inoreader、NetNewsWire，或手机上的 RSS 应用）的“添加订阅”中。</p>
            <p>不用 RSS？直接<a href="{/rss/channel/link}">访问网页</a>阅读。</p>
          </div>
          <h2>最新案例（<xsl:value-of select="count(/rss/channel/item)"/> 篇）</h2>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <p class="meta"><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </div>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
