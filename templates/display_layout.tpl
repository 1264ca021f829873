{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}" class="door">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/display.css">
<noscript><meta http-equiv="refresh" content="{{SECONDS}}; url={{SCREEN}}"></noscript>
<script src="/static/display.js" defer></script>
</head>
<body class="door">
<main id="main">
{{>CONTENT}}
</main>
</body>
</html>
