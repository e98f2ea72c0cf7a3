"""The stylesheet and script of the HTML report (verifier/render/html.py),
inline in every page: no network access, nothing fetched.

CSS: highlights by label, the side panel (a bottom sheet below 900 px), the
claim table as one block per claim below 640 px, dark mode, and the no-JS
layout (`html:not(.js)`: details as sections after the table, `:target`
marks the one a `#cN` link opened). JS: hover and click on the article and
the table open a claim's details in the panel, the table sorts and
filters, and `#cN` in the address selects that claim.
"""

CSS = r"""
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;
--at:#1d4ed8;--at-bg:#dbeafe;--at-bg2:#bfdbfe;--as:#b45309;--as-bg:#fef3c7;--as-bg2:#fde68a;
--cue:#7e22ce;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--sel:#111827}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;
--at:#79b8ff;--at-bg:#0c2d6b;--at-bg2:#1e40af;--as:#f0b357;--as-bg:#4a3000;--as-bg2:#6b4500;--cue:#d2a8ff;
--ok:#3fb950;--bad:#f85149;--warn:#d29922;--sel:#f0f6fc}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1240px;padding:24px 28px 40px;color:var(--fg);background:var(--bg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.kicker{margin:0;color:var(--muted);font-size:12px;letter-spacing:.08em;text-transform:uppercase}
h1{margin:2px 0 4px;font:700 28px/1.25 Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
.meta{margin:0 0 10px;color:var(--muted);overflow-wrap:anywhere}
.chips{margin:0;display:flex;flex-wrap:wrap;gap:6px}
.chip{border:1px solid var(--line);border-radius:999px;padding:1px 10px;font-size:13px;background:var(--panel)}
.chip.at{color:var(--at);border-color:currentColor}.chip.as{color:var(--as);border-color:currentColor}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin:16px 0 0;padding:8px 12px;
border:1px solid var(--line);border-radius:8px;background:var(--panel);font-size:13px}
.legend .hint{color:var(--muted)}
.sw{display:inline-block;width:28px;height:14px;border-radius:3px;vertical-align:-2px}
.sw.at{background:var(--at-bg);border-bottom:2px solid var(--at)}
.sw.as{background:var(--as-bg);border-bottom:2px dashed var(--as)}
.sw.mix{background:linear-gradient(var(--at-bg) 50%,var(--as-bg) 50%);border-bottom:2px solid var(--at)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:28px;margin-top:18px;align-items:start}
#article{font:17px/1.75 Georgia,"Times New Roman",serif;max-width:760px;min-width:0;overflow-wrap:break-word}
#article p{margin:0 0 1em}
#article h2{font:700 20px/1.3 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.4em 0 .5em}
.ev{border-radius:3px;padding:1px 0;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.ev.at{background:var(--at-bg);border-bottom:2px solid var(--at)}
.ev.as{background:var(--as-bg);border-bottom:2px dashed var(--as)}
.ev.mix{background:linear-gradient(var(--at-bg) 50%,var(--as-bg) 50%);border-bottom:2px solid var(--at)}
.ev.at.deep{background:var(--at-bg2)}.ev.as.deep{background:var(--as-bg2)}
.ev.hot.at,.ev.sel.at{background:var(--at-bg2)}.ev.hot.as,.ev.sel.as{background:var(--as-bg2)}
.ev.sel{border-bottom:3px solid var(--sel);box-shadow:0 -1px 0 var(--sel) inset}
.ev.sel.mix{background:linear-gradient(var(--at-bg2) 50%,var(--as-bg2) 50%)}
.cue{color:var(--cue);font-weight:700;text-decoration:underline dotted;text-underline-offset:3px}
.tag{font:600 10px/1 system-ui,sans-serif;vertical-align:super;text-decoration:none;margin:0 2px 0 1px;
padding:1px 3px;border-radius:3px;color:#fff}
.tag.at{background:var(--at)}.tag.as{background:var(--as)}
@media (prefers-color-scheme:dark){.tag{color:#0d1117}}
#panel{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;border:1px solid var(--line);
border-radius:10px;background:var(--panel);padding:14px 16px;font-size:14px}
#panel .empty{color:var(--muted);margin:0}
.card{border-top:1px solid var(--line);padding:10px 0}
.card:first-child{border-top:0;padding-top:0}
.card header{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.cid{font-size:15px;margin-right:2px}
.card .claim{font-weight:600;margin:8px 0 6px;overflow-wrap:anywhere}
.card blockquote{margin:0;padding:4px 10px;border-left:3px solid var(--line);font-family:Georgia,serif;color:var(--fg);overflow-wrap:anywhere}
.card blockquote.missing{border-left-color:var(--warn)}
.card .where{margin:4px 0 8px;color:var(--muted);font-size:12px}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:3px 10px;margin:0}
.card dt{color:var(--muted)}.card dd{margin:0;overflow-wrap:anywhere}
.reasons{margin:4px 0 0;padding-left:18px;color:var(--muted)}
.badge{display:inline-block;font-size:12px;line-height:1.5;padding:0 7px;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
.badge.at{color:var(--at)}.badge.as{color:var(--as)}
.st-agreed{color:var(--ok)}.st-disagreed{color:var(--bad);font-weight:700}.st-ungrounded{color:var(--warn)}.st-needs-review{color:var(--warn);font-weight:700}
.st-reviewed{color:var(--at)}.st-checked{color:var(--muted)}.badge.amb{color:var(--cue)}
.missing-box,.warnings{border:1px dashed var(--warn);border-radius:8px;padding:8px 14px;margin:18px 0;
font:14px/1.5 system-ui,sans-serif}
.missing-box h3,.warnings h3{margin:.2em 0;font-size:15px}
.missing-box ul{padding-left:18px}.missing-box li{cursor:pointer}
.missing{color:var(--warn)}
.missing-box a{color:inherit;font-weight:600}
h2.sec{font-size:20px;margin:34px 0 8px}
.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin-bottom:8px;font-size:14px}
.filters select,.filters input{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:6px;
background:var(--bg);color:var(--fg)}
.filters input{width:260px;max-width:100%}
#f-count{color:var(--muted)}
#claims{width:100%;border-collapse:collapse;font-size:14px}
#claims td{overflow-wrap:anywhere}
#claims th,#claims td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
#claims th{position:sticky;top:0;background:var(--panel);cursor:pointer;user-select:none;white-space:nowrap}
#claims th[aria-sort=ascending]::after{content:" ▲"}#claims th[aria-sort=descending]::after{content:" ▼"}
#claims tbody tr{cursor:pointer}
#claims tbody tr:hover{background:var(--panel)}
#claims tr.sel{background:var(--panel);box-shadow:inset 3px 0 0 var(--sel)}
#claims td.evx{color:var(--muted);font-family:Georgia,serif}
#claims a{color:inherit;font-weight:600}
.js #cards,html:not(.js) #panel,html:not(.js) .filters,.js .no-js,html:not(.js) .js-only{display:none}
html:not(.js) .layout{grid-template-columns:minmax(0,1fr)}
html:not(.js) #claims th,html:not(.js) #claims tbody tr{cursor:auto}
#cards .card{scroll-margin-top:12px}
#cards .card:target{outline:3px solid var(--sel);outline-offset:4px;border-radius:4px}
footer{margin-top:32px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px;overflow-wrap:anywhere}
#panel-close{display:none;float:right;border:0;background:none;color:var(--muted);font-size:22px;line-height:1;cursor:pointer;padding:0 2px}
@media (max-width:900px){.layout{grid-template-columns:1fr}#panel{position:static;max-height:none}
#panel.open{position:fixed;left:0;right:0;bottom:0;top:auto;max-height:50vh;z-index:10;border-radius:12px 12px 0 0;
box-shadow:0 -6px 24px rgba(0,0,0,.25)}#panel.open #panel-close{display:block}
body{padding:16px}#claims td:nth-child(7),#claims th:nth-child(7){display:none}}
@media (max-width:640px){
h1{font-size:24px}
#claims,#claims thead,#claims tbody{display:block}
#claims thead tr{display:flex;flex-wrap:wrap;gap:4px 6px;margin-bottom:4px}
#claims th{position:static;border:1px solid var(--line);border-radius:999px;padding:0 10px;font-size:13px;font-weight:400}
#claims tbody tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;padding:8px 4px;border-bottom:1px solid var(--line)}
#claims tbody tr[hidden]{display:none}
#claims td{display:block;padding:0;border:0;min-width:0;max-width:100%}
#claims td.nil{display:none}
#claims td[data-h]::before{content:attr(data-h) " ";color:var(--muted);font-size:12px}
#claims td:nth-child(6){flex:1 1 100%}
}
@media print{
body{max-width:none;padding:0;font-size:11pt;color:#000;background:#fff}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.legend .hint,#panel,.filters{display:none}
.layout{display:block}#article{max-width:none;font-size:12pt}
.filters,html:not(.js) .filters{display:none}
#claims tr{break-inside:avoid}#claims tr[hidden]{display:table-row}
#claims th{position:static}
.js #cards,#cards{display:block}.card{break-inside:avoid}#cards .card:target{outline:0}
a{color:inherit;text-decoration:none}
}
"""

JS = r"""
(function(){
"use strict";
document.documentElement.classList.add("js");
if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",init);else init();
function init(){
var cards={},byId={};
document.querySelectorAll("#cards .card").forEach(function(c){cards[c.dataset.k]=c;byId[c.dataset.id]=c.dataset.k;});
var panel=document.getElementById("panel-body");
function segs(k){return document.querySelectorAll('#article .ev[data-k~="'+k+'"]');}
function rows(k){return document.querySelectorAll('#claims tbody tr[data-k="'+k+'"]');}
function clear(cls){document.querySelectorAll("."+cls).forEach(function(e){e.classList.remove(cls);});}
function show(ks,scroll){
  clear("sel");
  if(!ks.length)return;
  panel.innerHTML="";
  document.getElementById("panel").classList.add("open");
  ks.forEach(function(k){
    if(cards[k]){var c=cards[k].cloneNode(true);c.removeAttribute("id");panel.appendChild(c);}
    segs(k).forEach(function(e){e.classList.add("sel");});
    rows(k).forEach(function(e){e.classList.add("sel");});
  });
  if(scroll){var s=segs(ks[0]);if(s.length&&!inView(s[0]))s[0].scrollIntoView({block:"center",behavior:"smooth"});}
}
document.getElementById("panel-close").addEventListener("click",function(){
  document.getElementById("panel").classList.remove("open");clear("sel");});
function inView(e){
  var r=e.getBoundingClientRect(),h=window.innerHeight*(window.matchMedia("(max-width:900px)").matches?0.5:1);
  return r.top>=0&&r.bottom<=h;
}
function hot(ks,on){ks.forEach(function(k){segs(k).forEach(function(e){e.classList.toggle("hot",on);});});}
var art=document.getElementById("article");
art.addEventListener("click",function(ev){
  var t=ev.target.closest("[data-k]");if(!t)return;
  ev.preventDefault();
  var ks=t.dataset.k.split(" ").reverse();
  show(ks,false);
  var c=cards[ks[0]];if(c)history.replaceState(null,"","#"+encodeURIComponent(c.dataset.id));
});
art.addEventListener("mouseover",function(ev){var t=ev.target.closest(".ev,.tag");if(t)hot(t.dataset.k.split(" "),true);});
art.addEventListener("mouseout",function(ev){var t=ev.target.closest(".ev,.tag");if(t)hot(t.dataset.k.split(" "),false);});
var tbody=document.querySelector("#claims tbody");
if(tbody){
  tbody.addEventListener("click",function(ev){
    var tr=ev.target.closest("tr");if(!tr)return;ev.preventDefault();
    show([tr.dataset.k],true);
    var c=cards[tr.dataset.k];if(c)history.replaceState(null,"","#"+encodeURIComponent(c.dataset.id));
  });
  tbody.addEventListener("keydown",function(ev){if(ev.key==="Enter"){var tr=ev.target.closest("tr");if(tr)tr.click();}});
  var ths=document.querySelectorAll("#claims th");
  ths.forEach(function(th,i){th.addEventListener("click",function(){
    var asc=th.getAttribute("aria-sort")!=="ascending";
    ths.forEach(function(h){h.removeAttribute("aria-sort");});
    th.setAttribute("aria-sort",asc?"ascending":"descending");
    var num=th.dataset.t==="n";
    var list=Array.prototype.slice.call(tbody.rows);
    list.sort(function(a,b){
      var x=a.cells[i],y=b.cells[i];
      var u=x.dataset.v!==undefined?x.dataset.v:x.textContent,v=y.dataset.v!==undefined?y.dataset.v:y.textContent;
      var r=num?(parseFloat(u)-parseFloat(v)):u.localeCompare(v);
      return asc?r:-r;
    });
    list.forEach(function(r){tbody.appendChild(r);});
  });});
  var fl=document.getElementById("f-label"),fs=document.getElementById("f-status"),ft=document.getElementById("f-text"),
      fc=document.getElementById("f-count");
  function filter(){
    var q=ft.value.trim().toLowerCase(),n=0;
    Array.prototype.forEach.call(tbody.rows,function(r){
      var ok=(!fl.value||r.dataset.label===fl.value)&&(!fs.value||r.dataset.status===fs.value)&&
             (!q||r.textContent.toLowerCase().indexOf(q)>=0);
      r.hidden=!ok;if(ok)n++;
    });
    fc.textContent=n+" of "+tbody.rows.length+" shown";
  }
  [fl,fs].forEach(function(e){e.addEventListener("change",filter);});
  ft.addEventListener("input",filter);
  filter();
}
document.querySelectorAll(".missing-box li").forEach(function(li){
  li.addEventListener("click",function(ev){ev.preventDefault();show([li.dataset.k],false);
    document.getElementById("panel").scrollIntoView({block:"nearest"});});
});
function fromHash(){
  var id=decodeURIComponent(location.hash.slice(1));
  if(id&&byId[id]!==undefined)show([byId[id]],true);
}
window.addEventListener("hashchange",fromHash);
fromHash();
}
})();
"""
