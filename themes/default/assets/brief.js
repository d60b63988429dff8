// brief.js
