// Hostile text for every field a user can fill. A payload that manages to run sets
// `window.__xss` (or opens a dialog); the browser spec watches for both.
// Sources: the OWASP XSS filter evasion cheat sheet and PortSwigger's XSS cheat sheet, trimmed to
// what fits plain text, Markdown and URLs, plus Markdown- and Unicode-specific tricks.

const run = "window.__xss=1";

const tags = [
  `<script>${run}</script>`,
  `<SCRIPT>${run}</SCRIPT>`,
  `<script src="data:text/javascript,${run}"></script>`,
  `<script>alert(1)</script>`,
  `<scr<script>ipt>${run}</scr</script>ipt>`,
  `"><script>${run}</script>`,
  `'><script>${run}</script>`,
  `</title><script>${run}</script>`,
  `</textarea><script>${run}</script>`,
  `</script><script>${run}</script>`,
  `<script type="module">${run}</script>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `<template><script>${run}</script></template>`,
  `<!--<script>-->${run}<!--</script>-->`,
];

const handlers = [
  `<img src=x onerror=${run}>`,
  `<img src=x onerror="${run}">`,
  `<IMG SRC=x ONERROR=${run}>`,
  `<img src=x onerror=alert(1)>`,
  `<img/src=x/onerror=${run}>`,
  `<img src=x onerror\t=${run}>`,
  `<img src="x" onerror="&#119;indow.__xss=1">`,
  `<body onload=${run}>`,
  `<svg onload=${run}>`,
  `<svg/onload=${run}>`,
  `<div onmouseover="${run}">hover me</div>`,
  `<a onclick="${run}" href="#">click</a>`,
  `<input autofocus onfocus=${run}>`,
  `<details open ontoggle=${run}>`,
  `<video src=x onerror=${run}></video>`,
  `<audio src=x onerror=${run}>`,
  `<iframe onload=${run}></iframe>`,
  `<marquee onstart=${run}>x</marquee>`,
  `<select autofocus onfocus=${run}>`,
  `<textarea autofocus onfocus=${run}>`,
  `<keygen autofocus onfocus=${run}>`,
  `<style onload=${run}></style>`,
  `<object data=x onerror=${run}>`,
  `<p style="x:expression(${run})">old IE</p>`,
  `x" onmouseover="${run}`,
  `x' onfocus='${run}' autofocus='`,
  `" autofocus onfocus="${run}`,
];

const urls = [
  `<a href="javascript:${run}">js link</a>`,
  `<a href="JaVaScRiPt:${run}">js link</a>`,
  `<a href="  javascript:${run}">js link</a>`,
  `<a href="java&#x09;script:${run}">js link</a>`,
  `<a href="java\tscript:${run}">js link</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run}">entity link</a>`,
  `<a href="data:text/html,<script>${run}</script>">data link</a>`,
  `<a href="vbscript:msgbox(1)">vb</a>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe src="data:text/html,<script>parent.__xss=1</script>"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<embed src="javascript:${run}">`,
  `<object data="javascript:${run}"></object>`,
  `<form action="javascript:${run}"><button>go</button></form>`,
  `<button formaction="javascript:${run}">go</button>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<base href="javascript:${run}//">`,
  `<link rel="stylesheet" href="javascript:${run}">`,
  `<img src="javascript:${run}">`,
  `javascript:${run}`,
  `JAVASCRIPT:${run}`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `https://example.com/"><script>${run}</script>`,
  `https://example.com/?q=<img src=x onerror=${run}>`,
];

const svg = [
  `<svg><script>${run}</script></svg>`,
  `<svg><a xlink:href="javascript:${run}"><text x="20" y="20">svg link</text></a></svg>`,
  `<svg><animate onbegin=${run} attributeName=x dur=1s>`,
  `<svg><set attributeName="onload" to="${run}"/></svg>`,
  `<svg><foreignObject><img src=x onerror=${run}></foreignObject></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${run}'/></svg>#x"/></svg>`,
  `<img src="data:image/svg+xml,<svg onload=${run}>">`,
];

const broken = [
  `<img src=x onerror=${run}`,
  `<<script>${run};//<</script>`,
  `<img """><script>${run}</script>">`,
  `<a href="x" <script>${run}</script>>`,
  `<div/onmouseover='${run}'>x`,
  `<img src=\`x\` onerror=${run}>`,
  `<IMG SRC="jav&#x0A;ascript:${run}">`,
  `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  `<svg><![CDATA[><image xlink:href="]]><img src=x onerror=${run}>"></svg>`,
  `<x onclick=${run}>click`,
  `</p><p onclick=${run}>closing tricks`,
  `<!--><img src=x onerror=${run}>-->`,
  `<? ${run} ?>`,
  `<![CDATA[<script>${run}</script>]]>`,
  `%3Cscript%3E${run}%3C/script%3E`,
  `&lt;script&gt;${run}&lt;/script&gt;`,
  `\\u003cscript\\u003e${run}\\u003c/script\\u003e`,
  `{{constructor.constructor('${run}')()}}`,
  `\${${run}}`,
];

const unicode = [
  `＜script＞${run}＜/script＞`,
  `<scr\u200bipt>${run}</scr\u200bipt>`,
  `\u202e>tpircs/<${run}>tpircs<`,
  `<img src=x onerror=\u0077indow.__xss=1>`,
  `java\u0000script:${run}`,
  `<a href="java\u0000script:${run}">nul link</a>`,
  `\ufeff<script>${run}</script>`,
  `<a href="&#x6A;avascript&colon;${run}">colon entity</a>`,
  `<img src=x onerror=&#x77;indow.__xss=1>`,
  `ⓙⓐⓥⓐⓢⓒⓡⓘⓟⓣ:${run}`,
  `\u2028<script>${run}</script>\u2029`,
  `<a href="javas&#99;ript:${run}">partial entity</a>`,
];

const markdown = [
  `[click me](javascript:${run})`,
  `[click me](JAVASCRIPT:${run})`,
  `[click me](javascript&#58;${run})`,
  `[click me]( javascript:${run} )`,
  `[click me](<javascript:${run}>)`,
  `[click me](data:text/html,<script>${run}</script>)`,
  `[click me](vbscript:msgbox(1))`,
  `![image](javascript:${run})`,
  `![image](x" onerror="${run})`,
  `![image](https://example.com/x.png" onerror="${run})`,
  `[ref link][1]\n\n[1]: javascript:${run}`,
  `<javascript:${run}>`,
  `[a](https://example.com "title\\" onmouseover=\\"${run}")`,
  `![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `[![img](x)](javascript:${run})`,
  `\`<script>${run}</script>\``,
  "```html\n<script>" + run + "</script>\n```",
  `> <img src=x onerror=${run}>`,
  `- [x] <img src=x onerror=${run}>`,
  `| a | b |\n|---|---|\n| <script>${run}</script> | <img src=x onerror=${run}> |`,
  `# <img src=x onerror=${run}> heading`,
  `**<svg onload=${run}>**`,
  `[link](https://example.com)<img src=x onerror=${run}>`,
  `https://example.com/<script>${run}</script>`,
  `www.example.com/"onmouseover="${run}`,
  `[foo](#" onclick="${run})`,
];

export const XSS_PAYLOADS: readonly string[] = [...tags, ...handlers, ...urls, ...svg, ...broken, ...unicode, ...markdown];

/** Payloads short enough for fields with small limits (titles, names, search, tags). */
export const SHORT_PAYLOADS = XSS_PAYLOADS.filter((p) => p.length <= 80);
