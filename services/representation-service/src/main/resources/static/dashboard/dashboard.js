'use strict';
// The leadership dashboard: every figure comes from the representation service's API, as published (aggregates,
// suppression applied). A suppressed count is shown as "<k" and nothing derived from it is shown; in a chart a
// suppressed value is a missing bar or point labelled "suppressed", never a zero. With ?view=report the same page
// is the printable quarterly report to Council for the scope and tier in its address.
(() => {
  const GROUPS = ['INDIGENOUS', 'BLACK', 'RACIALIZED', 'INDIGENOUS_BLACK_RACIALIZED'];
  const LABELS = {INDIGENOUS: 'Indigenous', BLACK: 'Black', RACIALIZED: 'Racialized',
    INDIGENOUS_BLACK_RACIALIZED: 'Indigenous, Black and racialized'};
  // WCAG AA: 3:1 or more against white for chart marks, 4.5:1 for text.
  const COLOURS = ['#1d6fb8', '#8a3b12', '#2e7d32', '#5b2c83'];
  const INK = '#1a1a1a';
  const GOAL = '#b35900';
  const BAND = 'rgba(29, 111, 184, 0.22)';
  /** The tiers (SPEC §5): the selector's option and the words a sentence uses. */
  const TIER_NAMES = {
    ALL: {option: 'All staff', words: 'all staff'},
    LEADERSHIP: {option: 'Leadership (supervisor and above)', words: 'leadership'},
    MANAGEMENT: {option: 'Management (manager and above)', words: 'management'},
    SENIOR_LEADERSHIP: {option: 'Senior leadership (director and above)', words: 'senior leadership'},
    EXECUTIVE: {option: 'Executive', words: 'executive'}};
  const TIERS = Object.keys(TIER_NAMES);
  const WORKING_GROUP_TIERS = ['ALL', 'LEADERSHIP'];
  const FINDINGS_LISTED = 10;
  const isWorkingGroup = scope => scope.startsWith('WORKING_GROUP:');
  const NOT_FOR_WORKING_GROUPS = 'A working group has no quarter-end snapshots, flows or competitions: people are '
    + 'appointed to it, not hired or promoted into it (its figures are today\'s, above).';
  const params = new URLSearchParams(location.search);
  const reportMode = params.get('view') === 'report';
  let k = 10;
  let headlineCells = [];
  let workingGroupNames = {};
  let allFindingsListed = false;
  const $ = id => document.getElementById(id);

  // The page itself needs credentials (HTTP Basic or a bearer token at a proxy): the browser sends the ones it was
  // given for this origin with every same-origin request. Paths resolve against the origin, which never carries
  // credentials, even when the page's own address did (http://user:password@host/dashboard).
  const url = path => new URL(path, location.origin);

  async function api(path) {
    const response = await fetch(url(path), {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(path + ' answered ' + response.status);
    }
    return response.json();
  }

  const query = (path, fields) => path + '?' + new URLSearchParams(fields).toString();
  const pct = v => v == null ? '—' : (100 * v).toFixed(1) + '%';
  const num = (v, d) => v == null ? '—' : Number(v).toFixed(d);
  const count = (v, suppressed) => suppressed ? '<' + k : (v == null ? '—' : String(v));
  const esc = s => String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const tierLabel = tier => (TIER_NAMES[tier] || {words: tier}).words;

  function table(caption, headers, rows) {
    return '<table><caption>' + esc(caption) + '</caption><thead><tr>' +
      headers.map(h => '<th scope="col">' + esc(h) + '</th>').join('') + '</tr></thead><tbody>' +
      rows.map(r => '<tr>' + r.map((c, i) => (i === 0 ? '<th scope="row">' : '<td' +
        (String(c).startsWith('&lt;') ? ' class="suppressed"' : '') + '>') + c + (i === 0 ? '</th>' : '</td>'))
        .join('') + '</tr>').join('') + '</tbody></table>';
  }

  function scopeLabel(scope) {
    if (isWorkingGroup(scope)) {
      const id = scope.substring('WORKING_GROUP:'.length);
      return 'Working group: ' + (workingGroupNames[id] || id);
    }
    return scope.replace(/^UNIT:/, '').replace(/^SERVICE_LINE:/, 'Service line ').replace('PUBLIC_SAFETY', 'Public safety')
      .replace(/^ORG$/, 'Whole organisation');
  }

  // ---- Charts (Chart.js, served from the service's own jar) ----------------------------------------------------

  const charts = {};
  const percentAxis = (title, max) => ({min: 0, max, title: {display: true, text: title, color: INK},
    ticks: {color: INK, callback: v => (100 * v).toFixed(0) + '%'}, grid: {color: '#d0d0d0'}});
  const ratioAxis = (title, max) => ({min: 0, max, title: {display: true, text: title, color: INK},
    ticks: {color: INK}, grid: {color: '#d0d0d0'}});
  const categoryAxis = () => ({ticks: {color: INK}, grid: {display: false}});

  /** Dashed reference lines across a chart at values of its value axis (the four-fifths rule). */
  Chart.register({
    id: 'referenceLines',
    afterDatasetsDraw(chart, args, options) {
      const scale = chart.scales[options.axis || 'x'];
      const {ctx, chartArea} = chart;
      for (const line of options.lines || []) {
        const at = scale.getPixelForValue(line.value);
        ctx.save();
        ctx.strokeStyle = INK;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = INK;
        ctx.font = '12px system-ui, sans-serif';
        ctx.textAlign = at > chartArea.left + chartArea.width * 0.6 ? 'right' : 'left';
        ctx.fillText(line.label, at + (ctx.textAlign === 'right' ? -4 : 4), chartArea.top + 12);
        ctx.restore();
      }
    }
  });
  Chart.defaults.font.family = 'system-ui, sans-serif';
  Chart.defaults.font.size = 13;
  Chart.defaults.color = INK;

  /**
   * Draws (or clears, without a config) the chart in a holder: a canvas with a text alternative; the section's table
   * view holds the same figures. No animation: a re-render on a live change must not flicker, and print is instant.
   */
  function draw(id, description, height, config) {
    const holder = $(id);
    if (charts[id]) {
      charts[id].destroy();
      delete charts[id];
    }
    if (!config) {
      holder.innerHTML = '';
      holder.style.height = '';
      return;
    }
    holder.style.height = height + 'px';
    // focusable, so a keyboard user reaches each chart and hears its description in turn
    holder.innerHTML = '<canvas role="img" tabindex="0" aria-label="'
      + esc(description + '; the table view has the same figures.')
      + '"><p>' + esc(description) + '</p></canvas>';
    config.options = Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, config.options);
    charts[id] = new Chart(holder.querySelector('canvas'), config);
  }

  /** Forgets the charts of a section whose holders are about to be replaced. */
  function forgetCharts(prefix) {
    Object.keys(charts).filter(id => id.startsWith(prefix)).forEach(id => {
      charts[id].destroy();
      delete charts[id];
    });
  }

  window.addEventListener('beforeprint', () => Object.values(charts).forEach(chart => chart.resize()));

  /** Headroom above the largest value shown, so a whisker or goal is never cut off. */
  const axisMax = values => Math.min(1, Math.max(0.05, ...values.filter(v => v != null)) * 1.15);

  // ---- What to show ---------------------------------------------------------------------------------------------

  async function loadScopes() {
    const [scopes, groups] = await Promise.all([api('/v1/representation/scopes'), api('/v1/working-groups')]);
    workingGroupNames = Object.fromEntries(groups.map(g => [g.workingGroupId, g.workingGroupName]));
    const names = Object.keys(scopes).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    $('scope').innerHTML = names.map(s => '<option value="' + esc(s) + '">' + esc(scopeLabel(s)) + '</option>').join('');
  }

  function rank(scope) {
    return scope === 'ORG' ? 0 : scope === 'PUBLIC_SAFETY' ? 1 : scope.startsWith('SERVICE_LINE:') ? 2
      : scope.startsWith('UNIT:') ? 3 : 4;
  }

  /** A working group has members (ALL) and leadership roles (LEADERSHIP) only: the other tiers are not offered. */
  function offerTiers(scope) {
    const offered = isWorkingGroup(scope) ? WORKING_GROUP_TIERS : TIERS;
    for (const option of $('tier').options) {
      option.disabled = !offered.includes(option.value);
    }
    if (!offered.includes($('tier').value)) {
      $('tier').value = offered[offered.length - 1];
    }
  }

  /** Shows a (scope, tier) and optionally a group's cell, then moves to a section: tiles and findings drill down. */
  function showFigures(scope, tier, group, sectionId) {
    if (![...$('scope').options].some(o => o.value === scope)) {
      $('scope').insertAdjacentHTML('beforeend', '<option value="' + esc(scope) + '">' + esc(scopeLabel(scope))
        + '</option>');
    }
    $('scope').value = scope;
    offerTiers(scope);
    $('tier').value = tier;
    if (group && [...$('cell-group').options].some(o => o.value === group)) {
      $('cell-group').value = group;
    }
    return render().then(() => {
      const heading = $(sectionId || 'representation-title');
      heading.scrollIntoView();
      heading.focus({preventScroll: true});
    }).catch(showError);
  }

  /**
   * Renders the chosen scope and tier, one render after another: sections are written as their data arrives, so two
   * renders at once (a quick change of scope, a live update) could leave an older one's figures on the page.
   */
  let rendering = Promise.resolve();

  function render({headlinesToo = false} = {}) {
    rendering = rendering.catch(() => {}).then(() => renderNow(headlinesToo));
    return rendering;
  }

  /** @param headlinesToo the headline tiles do not depend on the scope: only a start or a live change renders them */
  async function renderNow(headlinesToo) {
    const scope = reportMode ? params.get('scope') || 'ORG' : $('scope').value;
    const tier = reportMode ? params.get('tier') || 'MANAGEMENT' : $('tier').value;
    $('scope-path').textContent = 'Showing: ' + scopeLabel(scope) + ' — ' + tierLabel(tier);
    $('report-link').href = 'index.html?' + new URLSearchParams({view: 'report', scope, tier}).toString();
    const [cells, snapshots, goalFigures] = await Promise.all([
      api(query('/v1/representation', {scope, tier})),
      api(query('/v1/snapshots', {scope, tier})),
      api(query('/v1/goal-figures', {scope}))]);
    const view = {scope, tier, cells: Object.fromEntries(cells.map(c => [c.group, c])), snapshots,
      goals: goalFigures.filter(g => g.tier === tier)};
    const period = isWorkingGroup(scope) ? {period: null, records: []} : await latestCompletePeriod(scope, tier);
    await Promise.all([headlinesToo ? headlines() : null, representation(view), trend(view), flows(view, period),
      competitions(view, period), goals(scope, goalFigures), alerts(scope), workingGroups(),
      reportMode ? null : units(scope), reportMode ? null : cell(scope, tier)]);
  }

  // ---- Headlines --------------------------------------------------------------------------------------------------

  /** The quarter four quarters before {@code quarter} ("2025-Q3" → "2024-Q3"). */
  const yearBefore = quarter => (Number(quarter.substring(0, 4)) - 1) + quarter.substring(4);

  /**
   * The change in a group's share between the latest quarter end and four quarters before it, from the published
   * snapshots; null (with the reason) when either is suppressed or missing.
   */
  function changeOverFourQuarters(snapshots, group) {
    const ofGroup = snapshots.filter(s => s.figures.group === group);
    if (ofGroup.length === 0) {
      return {reason: 'no quarter has ended yet'};
    }
    const latest = ofGroup.map(s => s.quarter).sort().pop();
    const now = ofGroup.find(s => s.quarter === latest);
    const before = ofGroup.find(s => s.quarter === yearBefore(latest));
    if (before == null) {
      return {reason: 'no figures for ' + yearBefore(latest)};
    }
    if (now.figures.suppressed || before.figures.suppressed || now.figures.representation == null
      || before.figures.representation == null) {
      return {reason: 'suppressed in ' + yearBefore(latest) + ' or ' + latest};
    }
    return {points: 100 * (now.figures.representation - before.figures.representation), from: yearBefore(latest),
      to: latest};
  }

  async function headlines() {
    const rows = await Promise.all(headlineCells.map(async h => {
      const [cells, snapshots, goalFigures] = await Promise.all([
        api(query('/v1/representation', {scope: h.scope, tier: h.tier})),
        api(query('/v1/snapshots', {scope: h.scope, tier: h.tier})),
        api(query('/v1/goal-figures', {scope: h.scope, tier: h.tier}))]);
      const tiles = h.groups.map(group => tile(h, group, cells.find(c => c.group === group), snapshots,
        goalFigures.find(g => g.group === group)));
      return '<h3>' + esc(h.title) + ' <span class="tile-where">(' + esc(scopeLabel(h.scope) + ', '
        + tierLabel(h.tier)) + ')</span></h3><ul class="tiles">' + tiles.join('') + '</ul>';
    }));
    $('headlines').innerHTML = rows.join('');
  }

  function tile(h, group, cell, snapshots, goal) {
    const value = cell == null ? 'no one' : cell.suppressed ? 'suppressed (<' + k + ')' : pct(cell.representation);
    const change = changeOverFourQuarters(snapshots, group);
    const direction = change.points == null ? '' : change.points > 0.05 ? 'up' : change.points < -0.05 ? 'down' : 'flat';
    const arrow = {up: '▲ ', down: '▼ ', flat: '■ '}[direction] || '';
    const changeText = change.points == null ? 'Change over four quarters: not shown (' + change.reason + ')'
      : arrow + (change.points > 0 ? '+' : '') + change.points.toFixed(1) + ' points, ' + change.from + ' to '
        + change.to;
    const reference = 'Benchmark ' + pct(cell && cell.benchmark) + ' · goal ' + (goal == null ? 'not set'
      : pct(goal.targetShare) + ' by ' + goal.targetDate);
    const short = cell == null || cell.shortfall == null ? 'People short of the benchmark: not shown'
      : cell.shortfall === 0 ? 'At or above the benchmark' : cell.shortfall + (cell.shortfall === 1 ? ' person' : ' people')
        + ' short of the benchmark';
    const goalShort = goal == null || goal.peopleShort == null ? '' : ' · ' + goal.peopleShort + ' short of the goal';
    return '<li><button type="button" class="tile" data-show-scope="' + esc(h.scope) + '" data-show-tier="'
      + esc(h.tier) + '" data-show-group="' + esc(group) + '" data-show-section="representation-title">'
      + '<span class="tile-group">' + esc(LABELS[group]) + '</span>'
      + '<span class="tile-value' + (cell && cell.suppressed ? ' suppressed' : '') + '">' + esc(value) + '</span>'
      + '<span class="tile-line">' + esc(reference) + '</span>'
      + '<span class="tile-change ' + direction + '">' + esc(changeText) + '</span>'
      + '<span class="tile-line">' + esc(short + goalShort) + '</span>'
      + '<span class="tile-asof">As of ' + esc(cell == null ? '—' : cell.asOf) + '</span></button></li>';
  }

  // ---- Representation ---------------------------------------------------------------------------------------------

  async function representation(view) {
    const {scope, tier} = view;
    const rows = GROUPS.map(g => view.cells[g]).filter(Boolean);
    const total = view.cells.TOTAL;
    const goalOf = group => (view.goals.find(g => g.group === group) || {}).targetShare;
    $('representation-table').innerHTML = (total ? '<p id="headcount-today">Headcount today: ' + total.headcount
      + '</p>' : '') + (rows.length === 0 ? '<p>No one in this cell.</p>' : table(
      'Representation in ' + scopeLabel(scope) + ', ' + tier,
      ['Group', 'Count', 'Headcount', 'Representation', '95% CI', 'Benchmark', 'Gap (points)', 'Index', 'pUnder',
        'As of', 'Goal'],
      rows.map(c => [esc(LABELS[c.group]), count(c.count, c.suppressed), String(c.headcount), pct(c.representation),
        c.suppressed ? '—' : pct(c.ci95Low) + ' – ' + pct(c.ci95High), pct(c.benchmark), num(c.gapPoints, 2),
        num(c.representationIndex, 2), c.pUnder == null ? '—' : Number(c.pUnder).toPrecision(3), esc(c.asOf),
        pct(goalOf(c.group))])));
    const shown = c => !c.suppressed && c.representation != null;
    draw('representation-chart', 'Representation of each group in ' + scopeLabel(scope) + ', ' + tierLabel(tier)
      + ', with 95% confidence intervals, benchmark and goal', 60 + rows.length * 56, rows.length === 0 ? null : {
      type: 'bar',
      data: {
        labels: rows.map(c => shown(c) ? LABELS[c.group] : [LABELS[c.group], 'suppressed (<' + k + ')']),
        datasets: [
          {label: 'Representation', data: rows.map(c => shown(c) ? c.representation : null),
            backgroundColor: COLOURS[0], grouped: false, barPercentage: 0.7, order: 3},
          {label: '95% confidence interval', data: rows.map(c => shown(c) && c.ci95Low != null
            ? [c.ci95Low, c.ci95High] : null), backgroundColor: INK, grouped: false, barPercentage: 0.06, order: 2},
          {type: 'line', label: 'Benchmark', data: rows.map(c => c.benchmark), showLine: false, pointStyle: 'line',
            rotation: 90, pointRadius: 14, pointBorderWidth: 3, borderColor: INK, backgroundColor: INK, order: 1},
          {type: 'line', label: 'Goal', data: rows.map(c => goalOf(c.group) == null ? null : goalOf(c.group)),
            showLine: false, pointStyle: 'triangle', pointRadius: 8, borderColor: GOAL, backgroundColor: GOAL,
            order: 0}]
      },
      options: {indexAxis: 'y', scales: {x: percentAxis('share of the headcount', axisMax(rows.flatMap(c =>
          [shown(c) ? c.ci95High : null, c.benchmark, goalOf(c.group)]))), y: categoryAxis()},
        plugins: {legend: {position: 'bottom', labels: {sort: (a, b) => a.datasetIndex - b.datasetIndex}},
          tooltip: {callbacks: {label: item => item.dataset.label + ': '
            + (Array.isArray(item.raw) ? pct(item.raw[0]) + ' – ' + pct(item.raw[1]) : pct(item.raw))}}}}
    });
  }

  // ---- Trend, goals and projections -----------------------------------------------------------------------------

  /** "2027-12-31" → "2027-Q4": projections are dated quarter ends. */
  const quarterOf = date => date.substring(0, 4) + '-Q' + (Math.floor((Number(date.substring(5, 7)) - 1) / 3) + 1);
  /** The last quarter that has ended by a date ("2026-12-07" → "2026-Q3"). */
  const quarterEnded = date => {
    const [year, quarter] = quarterOf(date).split('-Q').map(Number);
    return quarter === 1 ? (year - 1) + '-Q4' : year + '-Q' + (quarter - 1);
  };

  /**
   * One series over quarters: observed quarter-end shares (a suppressed quarter is a gap), today's benchmark, the
   * goal, and where a goal's projection leads with its 95% band. The same builder draws the trend of a group and
   * the path to a goal.
   */
  function trendChart(id, {title, colour, quarters, observed, observedLabel, benchmark, goal}) {
    const projection = goal == null ? [] : goal.projection;
    const labels = [...new Set(quarters.concat(Object.keys(observed), projection.map(p => quarterOf(p.date))))].sort();
    const projected = Object.fromEntries(projection.map(p => [quarterOf(p.date), p]));
    const along = f => labels.map(f);
    const none = Object.keys(observed).length === 0;
    const datasets = [{label: observedLabel + (none ? ': suppressed or no one' : ''),
      data: along(q => observed[q] == null ? null : observed[q]),
      borderColor: colour, backgroundColor: colour, borderWidth: 3, pointRadius: 3, spanGaps: false}];
    if (benchmark != null) {
      datasets.push({label: 'Benchmark (today)', data: along(() => benchmark), borderColor: INK, borderDash: [6, 4],
        borderWidth: 2, pointRadius: 0});
    }
    if (goal != null && goal.targetShare != null) {
      datasets.push({label: 'Goal', data: along(() => goal.targetShare), borderColor: GOAL, borderDash: [2, 3],
        borderWidth: 3, pointRadius: 0});
    }
    if (projection.length > 0) {
      datasets.push({label: 'Projection', data: along(q => projected[q] ? projected[q].share : null),
        borderColor: colour, borderDash: [8, 4], borderWidth: 2, pointRadius: 2, spanGaps: true});
      datasets.push({label: '95% interval (low)', data: along(q => projected[q] ? projected[q].low : null),
        borderColor: 'transparent', pointRadius: 0, spanGaps: true, fill: false});
      datasets.push({label: '95% interval', data: along(q => projected[q] ? projected[q].high : null),
        borderColor: 'transparent', backgroundColor: BAND, pointRadius: 0, spanGaps: true, fill: '-1'});
    }
    const values = datasets.flatMap(d => d.data);
    draw(id, title + ': share at each quarter end' + (benchmark == null ? '' : ', today\'s benchmark')
      + (goal == null ? '' : ', the goal and where current rates lead'), 260, labels.length === 0 ? null : {
      type: 'line', data: {labels, datasets},
      options: {scales: {y: percentAxis('share', axisMax(values)), x: categoryAxis()},
        plugins: {title: {display: true, text: title, color: INK, font: {weight: 'bold'}},
          legend: {position: 'bottom', labels: {filter: item => item.text !== '95% interval (low)'}}}}
    });
  }

  async function trend(view) {
    const {scope, tier, snapshots} = view;
    const quarters = [...new Set(snapshots.map(s => s.quarter))].sort();
    const value = (q, g) => snapshots.find(s => s.quarter === q && s.figures.group === g);
    $('trend-table').innerHTML = quarters.length === 0 ? '<p>' + (isWorkingGroup(scope) ? NOT_FOR_WORKING_GROUPS
      : 'No quarter has ended yet.') + '</p>' : table(
      'Representation at each quarter end', ['Quarter'].concat(GROUPS.map(g => LABELS[g])),
      quarters.map(q => [esc(q)].concat(GROUPS.map(g => {
        const s = value(q, g);
        return s == null ? '—' : s.figures.suppressed ? '&lt;' + k : pct(s.figures.representation);
      }))));
    forgetCharts('trend-chart-');
    $('trend-charts').innerHTML = quarters.length === 0 ? '' : GROUPS.map(g =>
      '<div id="trend-chart-' + g + '" class="chart"></div>').join('');
    if (quarters.length === 0) {
      return;
    }
    GROUPS.forEach((g, i) => {
      const observed = {};
      snapshots.filter(s => s.figures.group === g && !s.figures.suppressed && s.figures.representation != null)
        .forEach(s => { observed[s.quarter] = s.figures.representation; });
      const cell = view.cells[g];
      trendChart('trend-chart-' + g, {title: LABELS[g] + ', ' + scopeLabel(scope) + ', ' + tierLabel(tier),
        colour: COLOURS[i], quarters, observed, observedLabel: 'Share at the quarter end',
        benchmark: cell == null ? null : cell.benchmark, goal: view.goals.find(goal => goal.group === g)});
    });
  }

  async function goals(scope, all) {
    all.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || a.group.localeCompare(b.group));
    const label = g => LABELS[g] || g.charAt(0) + g.slice(1).toLowerCase().replace(/_/g, ' ');
    const last = g => g.projection.length === 0 ? null : g.projection[g.projection.length - 1];
    const verdict = g => g.verdict == null ? '—' : g.verdict === 'ON_TRACK' ? 'On track'
      : 'Off track (' + g.projectedShortfall + ' short)';
    $('goals').innerHTML = all.length === 0 ? '<p>No goal is set for this scope.</p>' : table(
      'Goals of ' + scopeLabel(scope),
      ['Goal', 'Target', 'Today', 'People short today', 'Share of appointments needed', 'Group\'s share of the pools',
        'Projected on the target date (95% interval)', 'Verdict', 'Why some figures are not shown'],
      all.map(g => {
        const end = last(g);
        return [esc(label(g.group) + ', ' + g.tier), esc(pct(g.targetShare) + ' by ' + g.targetDate
            + (g.targetShareFrom === 'BENCHMARK' ? ' (benchmark)' : '')),
          g.count == null && g.headcount != null ? '&lt;' + k : esc(pct(g.representation)),
          g.peopleShort == null ? '—' : String(g.peopleShort),
          esc(pct(g.requiredShareOfAppointments) + (g.plausible == null ? '' : g.plausible ? ' (plausible)'
            : ' (not plausible)')), esc(pct(g.availableShare)),
          end == null ? '—' : esc(pct(end.share) + ' (' + pct(end.low) + ' – ' + pct(end.high) + ')'),
          esc(verdict(g)), esc(g.withheld.join('; ') || '—')];
      }));
    // each goal's path from today: today's share, then the projection to the target date
    forgetCharts('goal-chart-');
    const charted = all.filter(g => g.projection.length > 0);
    $('goals-chart').innerHTML = charted.map((g, i) => '<div id="goal-chart-' + i + '" class="chart"></div>').join('');
    charted.forEach((g, i) => {
      const today = g.representation == null || g.asOf == null ? {} : {[quarterOf(g.asOf)]: g.representation};
      trendChart('goal-chart-' + i, {title: 'Goal: ' + label(g.group) + ', ' + tierLabel(g.tier) + ', '
        + pct(g.targetShare) + ' by ' + g.targetDate, colour: COLOURS[Math.max(0, GROUPS.indexOf(g.group))],
      quarters: [], observed: today, observedLabel: 'Today', benchmark: null, goal: g});
    });
  }

  // ---- Flows and competitions -------------------------------------------------------------------------------------

  /** The latest complete rolling 12 months with flows for the cell (the period flows and funnels are shown for). */
  async function latestCompletePeriod(scope, tier) {
    const records = await api(query('/v1/flows', {periodKind: 'ROLLING_12_MONTHS', scope, tier}));
    const period = records.filter(f => f.complete).map(f => f.period).sort().pop() || null;
    return {period, records: records.filter(f => f.period === period)};
  }

  async function flows(view, latest) {
    const {tier} = view;
    const {period, records} = latest;
    // every figure of a period, scope and tier is as released on one day (SPEC §9 release rule)
    const releasedOn = records.map(f => f.releasedOn).find(Boolean);
    $('flows-period').textContent = isWorkingGroup(view.scope) ? NOT_FOR_WORKING_GROUPS : period == null
      ? 'No complete 12-month period yet.' : 'The 12 months ending ' + period.substring(5) + '; each rate against '
        + 'the reference group\'s. The four-fifths rule: a group promoted at less than 0.8 of the reference group\'s '
        + 'rate, or leaving at 1.25 times its rate or more, is an adverse impact when the difference is significant.'
        + (releasedOn ? ' As released on ' + releasedOn + ': a late change shows once enough people have changed '
          + 'that it names no one.' : '');
    const byGroup = Object.fromEntries(records.map(f => [f.group, f]));
    const rows = GROUPS.map(g => byGroup[g]).filter(Boolean);
    const withheld = (f, name) => f.suppressed.includes(name);
    $('flows-table').innerHTML = rows.length === 0 ? '<p>No flows for this cell.</p>' : table(
      'Promotions into and separations from ' + tier,
      ['Group', 'Promotions', 'Pool', 'Promotion rate', 'Adverse impact', 'Separations', 'Separation rate', 'Ratio'],
      rows.map(f => [esc(LABELS[f.group]), count(f.promotionsInto, withheld(f, 'PROMOTIONS_INTO')),
        count(f.promotionPool, withheld(f, 'PROMOTION_POOL')), pct(f.promotionRate), num(f.promotionAdverseImpactRatio, 2),
        count(f.separations, withheld(f, 'SEPARATIONS')), pct(f.separationRate), num(f.separationRateRatio, 2)]));
    ratioChart('promotions-chart', 'Promotion rate ÷ the reference group\'s', rows, f => f.promotionAdverseImpactRatio,
      ['PROMOTIONS_INTO', 'PROMOTION_POOL'], {value: 0.8, label: 'four-fifths (0.8)'}, COLOURS[0]);
    ratioChart('separations-chart', 'Separation rate ÷ the reference group\'s', rows, f => f.separationRateRatio,
      ['SEPARATIONS'], {value: 1.25, label: 'four-fifths turned round (1.25)'}, COLOURS[1]);
  }

  /** A ratio per group against a four-fifths line; a missing ratio says whether a count behind it is suppressed. */
  function ratioChart(id, title, rows, ratio, counts, line, colour) {
    const shown = rows.map(ratio);
    const missing = f => counts.some(name => f.suppressed.includes(name)) ? 'suppressed (<' + k + ')'
      : 'no rate in this period';
    draw(id, title + ' for each group, with the line of the four-fifths rule', 80 + rows.length * 44,
      rows.length === 0 ? null : {
        type: 'bar',
        data: {labels: rows.map((f, i) => shown[i] == null ? [LABELS[f.group], missing(f)]
            : LABELS[f.group]),
          datasets: [{label: title, data: shown, backgroundColor: colour, barPercentage: 0.7}]},
        options: {indexAxis: 'y', scales: {x: ratioAxis('ratio (1 = the same rate)',
            Math.max(1.5, ...shown.filter(v => v != null).map(v => Math.ceil(v * 4) / 4))), y: categoryAxis()},
          plugins: {title: {display: true, text: title, color: INK, font: {weight: 'bold'}}, legend: {display: false},
            referenceLines: {lines: [line]}}}
      });
  }

  const STAGES = [['applicants', 'Applied'], ['shortlisted', 'Shortlisted'], ['promoted', 'Promoted']];

  async function competitions(view, latest) {
    const {scope, tier} = view;
    const records = latest.period == null ? []
      : await api(query('/v1/competitions', {period: latest.period, scope, tier}));
    const byGroup = Object.fromEntries(records.filter(r => !r.competitionId).map(r => [r.group, r]));
    const total = byGroup.TOTAL;
    const rows = GROUPS.map(g => byGroup[g]).filter(Boolean);
    $('competitions-period').textContent = isWorkingGroup(scope) ? NOT_FOR_WORKING_GROUPS
      : latest.period == null ? 'No complete 12-month period yet.'
      : total == null ? 'No promotion competition into this tier in the 12 months ending ' + latest.period.substring(5)
        + '.' : 'Competitions into this tier opened in the 12 months ending ' + latest.period.substring(5) + ': '
        + 'each group\'s share of the people at each stage, so a reader sees where in the funnel a gap opens.';
    const share = (r, stage) => r[stage] == null || total == null || !total[stage] ? null : r[stage] / total[stage];
    $('competitions-table').innerHTML = total == null ? '<p>No competitions for this cell.</p>' : table(
      'Promotion competitions into ' + tier + ', ' + scopeLabel(scope),
      ['Group', 'Applied', 'Shortlisted', 'Promoted', 'Share of applicants', 'Share of shortlisted',
        'Share of promoted', 'Shortlisting ratio', 'Selection ratio', 'Overall ratio'],
      [total].concat(rows).map(r => [esc(r.group === 'TOTAL' ? 'Everyone' : LABELS[r.group])]
        .concat(STAGES.map(([stage]) => r[stage] == null ? '&lt;' + k : String(r[stage])))
        .concat(STAGES.map(([stage]) => r.group === 'TOTAL' ? '—' : pct(share(r, stage))))
        .concat([num(r.shortlistAdverseImpactRatio, 2), num(r.selectionFromShortlistAdverseImpactRatio, 2),
          num(r.overallAdverseImpactRatio, 2)])));
    const withheldStages = rows.map(r => [r.group, STAGES.filter(([stage]) => r[stage] == null).map(([, l]) => l)])
      .filter(([, stages]) => stages.length > 0);
    draw('competitions-chart', 'Each group\'s share of the applicants, the shortlisted and the promoted in '
      + 'promotion competitions into ' + tierLabel(tier) + (withheldStages.length === 0 ? '' : '; suppressed: '
      + withheldStages.map(([g, stages]) => LABELS[g] + ' at ' + stages.join(', ')).join('; ')),
    300, total == null ? null : {
      type: 'bar',
      data: {labels: STAGES.map(([, l]) => l), datasets: rows.map(r => ({
        label: LABELS[r.group] + (STAGES.some(([stage]) => r[stage] == null) ? ' (suppressed at '
          + STAGES.filter(([stage]) => r[stage] == null).map(([, l]) => l.toLowerCase()).join(', ') + ')' : ''),
        data: STAGES.map(([stage]) => share(r, stage)), backgroundColor: COLOURS[GROUPS.indexOf(r.group)]}))},
      options: {scales: {y: percentAxis('share of the people at the stage', axisMax(rows.flatMap(r =>
          STAGES.map(([stage]) => share(r, stage))))), x: categoryAxis()},
        plugins: {legend: {position: 'bottom'}}}
    });
  }

  // ---- Working groups ---------------------------------------------------------------------------------------------

  // Each working group's members and leadership roles (chair, co-chair, lead): the share of Indigenous, Black and
  // racialized people in each, as published. A leadership of fewer than k people shows "<k" for every group count
  // (its holders are known by name), and no share.
  async function workingGroups() {
    const groups = await api('/v1/working-groups');
    workingGroupNames = Object.fromEntries(groups.map(g => [g.workingGroupId, g.workingGroupName]));
    const find = (cells, group) => cells.find(c => c.group === group);
    const headcount = cells => { const total = find(cells, 'TOTAL'); return total == null ? 0 : total.headcount; };
    const share = (cells, group) => {
      const c = find(cells, group);
      return c == null ? '—' : c.suppressed ? '&lt;' + k : esc(pct(c.representation) + ' (' + c.count + ')');
    };
    $('working-groups').innerHTML = groups.length === 0 ? '<p>No one has been appointed to a working group.</p>'
      : table('Working groups: representation among members and in leadership roles',
        ['Working group', 'Members', 'Leadership roles', 'Indigenous, Black and racialized: members',
          'Indigenous, Black and racialized: leadership', 'Indigenous: leadership', 'Racialized: leadership'],
        groups.map(g => [esc(g.workingGroupName), String(headcount(g.members)), String(headcount(g.leadership)),
          share(g.members, 'INDIGENOUS_BLACK_RACIALIZED'), share(g.leadership, 'INDIGENOUS_BLACK_RACIALIZED'),
          share(g.leadership, 'INDIGENOUS'), share(g.leadership, 'RACIALIZED')]));
    const published = cells => {
      const c = find(cells, 'INDIGENOUS_BLACK_RACIALIZED');
      return c == null || c.suppressed ? null : c.representation;
    };
    const note = (cells, what) => {
      const c = find(cells, 'INDIGENOUS_BLACK_RACIALIZED');
      return c == null ? what + ': no one' : c.suppressed ? what + ': suppressed (<' + k + ')' : null;
    };
    draw('working-groups-chart', 'Share of Indigenous, Black and racialized people among each working group\'s '
      + 'members and in its leadership roles', 80 + groups.length * 64, groups.length === 0 ? null : {
      type: 'bar',
      data: {labels: groups.map(g => [g.workingGroupName].concat([note(g.members, 'members'),
          note(g.leadership, 'leadership')].filter(Boolean))),
        datasets: [{label: 'Members', data: groups.map(g => published(g.members)), backgroundColor: COLOURS[0]},
          {label: 'Leadership roles', data: groups.map(g => published(g.leadership)), backgroundColor: COLOURS[3]}]},
      options: {indexAxis: 'y', scales: {x: percentAxis('Indigenous, Black and racialized share',
          axisMax(groups.flatMap(g => [published(g.members), published(g.leadership)]))), y: categoryAxis()},
        plugins: {legend: {position: 'bottom'}}}
    });
  }

  // ---- Findings ---------------------------------------------------------------------------------------------------

  function findingTitle(a) {
    return a.rule + (a.measure ? ' (' + a.measure.toLowerCase().replace(/_/g, ' ') + ')' : '') + ' — '
      + (LABELS[a.group] || a.group) + ' in ' + scopeLabel(a.scope) + ', ' + a.tier;
  }

  /** Where the figures that raised an alert are shown. */
  function sectionOf(alert) {
    const measure = String(alert.measure || alert.alertId || '');
    switch (alert.rule) {
      case 'DECLINE': return 'trend-title';
      case 'GOAL_OFF_TRACK': return 'goals-title';
      case 'ADVERSE_IMPACT': return /COMPETITION|SHORTLIST|SELECTION/.test(measure) ? 'competitions-title'
        : 'flows-title';
      default: return 'representation-title';
    }
  }

  const showButton = (alert, text) => '<button type="button" class="link no-print" data-show-scope="'
    + esc(alert.scope) + '" data-show-tier="' + esc(alert.tier) + '" data-show-group="' + esc(alert.group)
    + '" data-show-section="' + sectionOf(alert) + '">' + esc(text) + '</button>';

  /** A finding concerns a scope when its head or a cell beneath it is that scope or inside it. */
  const concerns = (finding, scope) => scope === 'ORG' || [finding.head].concat(finding.cells).some(c =>
    c.scope === scope || c.scope.startsWith(scope + '/'));

  async function alerts(scope) {
    const all = await api('/v1/dashboard/findings');
    const open = reportMode ? all.filter(f => concerns(f, scope)) : all;
    const listed = reportMode || allFindingsListed ? open : open.slice(0, FINDINGS_LISTED);
    const opened = new Set([...$('alerts').querySelectorAll('details[open]')].map(d => d.dataset.finding));
    const figures = a => Object.entries(a.figures || {}).map(([name, v]) => [esc(name), esc(num(v, 3))])
      .concat(Object.entries(a.thresholds || {}).map(([name, v]) => [esc('threshold: ' + name), esc(num(v, 3))]));
    $('alerts').innerHTML = open.length === 0 ? '<p>No open findings.</p>' : '<ol class="findings">' + listed.map(f =>
      '<li><details data-finding="' + esc(f.findingId) + '"' + (opened.has(f.findingId) ? ' open' : '')
        + '><summary><span class="severity-' + esc(f.severity) + '">' + esc(f.severity) + '</span> '
        + esc(findingTitle(f)) + ': ' + esc(f.explanation) + ' <span class="finding-meta">(priority '
        + esc(num(f.priority, 1)) + ', first seen ' + esc(String(f.head.firstSeen).substring(0, 10))
        + (f.cells.length === 0 ? '' : ', ' + f.cells.length + (f.cells.length === 1 ? ' cell' : ' cells')
          + ' beneath') + ')</span></summary>'
        + '<p>' + showButton(f.head, 'Show the figures of ' + scopeLabel(f.head.scope) + ', ' + tierLabel(f.head.tier))
        + '</p>'
        + (figures(f.head).length === 0 ? '' : table('What raised it', ['Figure', 'Value'], figures(f.head)))
        + (f.cells.length === 0 ? '<p>No cell beneath this one holds the same finding.</p>'
          : table('Cells beneath ' + scopeLabel(f.scope) + ', ' + f.tier, ['Cell', 'Severity', 'Explanation', 'Figures'],
            f.cells.map(c => [esc(scopeLabel(c.scope) + ', ' + c.tier), '<span class="severity-' + esc(c.severity)
              + '">' + esc(c.severity) + '</span>', esc(c.explanation), showButton(c, 'Show')])))
        + '</details></li>').join('') + '</ol>'
      + (listed.length < open.length ? '<p><button type="button" id="all-findings">Show all ' + open.length
        + ' open findings</button></p>' : '');
  }

  // ---- Drill-down ------------------------------------------------------------------------------------------------

  async function units(scope) {
    const all = [...$('scope').options].map(o => o.value);
    const parent = scope.startsWith('UNIT:') ? scope + '/' : 'UNIT:';
    const children = all.filter(s => s.startsWith(parent) && !s.substring(parent.length).includes('/'));
    const up = scope.startsWith('UNIT:') && scope.includes('/') ? scope.substring(0, scope.lastIndexOf('/')) : null;
    $('units').innerHTML = (up ? '<p><button class="link" data-scope="' + esc(up) + '">Up to ' + esc(scopeLabel(up))
      + '</button></p>' : '') + (children.length === 0 ? '<p>No units below this scope.</p>' : '<ul>' + children.map(c =>
      '<li><button class="link" data-scope="' + esc(c) + '">' + esc(scopeLabel(c).split('/').pop()) + '</button></li>')
      .join('') + '</ul>');
  }

  async function cell(scope, tier) {
    const group = $('cell-group').value || 'BLACK';
    const found = await api(query('/v1/representation', {scope, tier, group}));
    if (found.length === 0) {
      $('cell').innerHTML = '<p>No one in this cell.</p>';
      return;
    }
    const c = found[0];
    const rows = [['As of', esc(c.asOf)], ['Headcount', String(c.headcount)], ['Count', count(c.count, c.suppressed)],
      ['Representation', pct(c.representation)], ['Of respondents', pct(c.representationOfRespondents)],
      ['Response rate', pct(c.responseRate)], ['Benchmark', pct(c.benchmark) + (c.benchmarkSource ? ' (' + esc(c.benchmarkSource)
      + ', ' + c.benchmarkYear + ')' : '')], ['Gap (points)', num(c.gapPoints, 2)], ['Index', num(c.representationIndex, 2)],
      ['Expected', num(c.expected, 2)], ['Shortfall', c.shortfall == null ? '—' : String(c.shortfall)],
      ['pUnder', c.pUnder == null ? '—' : Number(c.pUnder).toPrecision(3)],
      ['95% CI', c.suppressed ? '—' : pct(c.ci95Low) + ' – ' + pct(c.ci95High)],
      ['Active mentees', c.activeMentees == null ? (c.suppressed ? '&lt;' + k : '—') : String(c.activeMentees)]];
    $('cell').innerHTML = table(scopeLabel(scope) + ', ' + tier + ', ' + group, ['Figure', 'Value'], rows);
  }

  // ---- Live updates and freshness ----------------------------------------------------------------------------------

  const streams = {};

  function liveStatus() {
    const connected = Object.values(streams).every(Boolean);
    if (!connected) {
      $('live').textContent = 'Live updates interrupted; reconnecting…';
    } else if (!$('live').textContent.startsWith('Updated')) {
      $('live').textContent = 'Live: figures and alerts update as events arrive.';
    }
  }

  let latestChange = 0;
  let caughtUp = null;

  /**
   * How fresh the figures are (the service's /v1/status, or a stream's status event): when they were computed, and
   * whether every HR event received is in them yet. While the pipeline catches up, figures may still change.
   */
  function showFreshness(status) {
    const computed = status.computedAt && typeof status.computedAt === 'object'
      ? Object.values(status.computedAt).filter(Boolean).sort().pop() : status.computedAt;
    const when = computed ? 'Figures computed ' + new Date(computed).toLocaleString() + '. ' : '';
    let state;
    if (status.problem) {
      state = 'Freshness unknown: ' + status.problem + '.';
    } else if (status.caughtUp) {
      state = 'Up to date: every HR event received is reflected.';
    } else {
      state = 'Catching up: ' + Number(status.lagEvents).toLocaleString() + ' events to read ('
        + Number(status.lagSeconds).toLocaleString() + ' s behind), '
        + Number(status.unpublishedChanges).toLocaleString() + ' changes to publish; figures may still change.';
    }
    $('freshness').textContent = when + state;
    $('freshness').dataset.caughtUp = String(Boolean(status.caughtUp));
    const wasCaughtUp = caughtUp;
    caughtUp = Boolean(status.caughtUp);
    return wasCaughtUp === false && caughtUp;
  }

  function refresh() {
    api('/v1/status').then(showFreshness).catch(() => {});
    return render({headlinesToo: true}).then(() => {
      $('live').textContent = 'Updated ' + new Date().toLocaleTimeString();
    }).catch(showError);
  }

  /**
   * A change arrived: re-render once the burst is over, and twice more (2.5 s and 8 s after the previous render),
   * because the API reads a copy of the published figures that the stream's own reader can be ahead of by a poll or
   * more under load. A newer change starts the schedule again.
   */
  async function changed() {
    const change = ++latestChange;
    for (const pause of [700, 2500, 8000]) {
      await new Promise(resolve => setTimeout(resolve, pause));
      if (change !== latestChange) return;
      await refresh();
    }
  }

  /**
   * Server-sent events over fetch (reconnects and status are the page's own). The service answers a subscription at once,
   * so an answered request is a live one; every event (not comments) re-renders, debounced.
   */
  async function follow(path) {
    streams[path] = false;
    for (;;) {
      try {
        const response = await fetch(url(path), {headers: {Accept: 'text/event-stream'}});
        if (!response.ok) throw new Error('HTTP ' + response.status);
        streams[path] = true;
        liveStatus();
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, {stream: true});
          const blocks = buffer.split(/\r?\n\r?\n/);
          buffer = blocks.pop();
          let change = false;
          for (const block of blocks) {
            const lines = block.split(/\r?\n/);
            const event = lines.find(line => line.startsWith('event:'));
            if (event && event.slice(6).trim() === 'status') {
              const data = lines.filter(line => line.startsWith('data:')).map(line => line.slice(5)).join('\n');
              // caught up again: what was still changing is final now
              change = showFreshness(JSON.parse(data)) || change;
            } else if (event || lines.some(line => line.startsWith('data:'))) {
              change = true;
            }
          }
          if (change) {
            changed();
          }
        }
      } catch (e) {
        // reconnect below
      }
      streams[path] = false;
      liveStatus();
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  }

  function showError(error) {
    $('live').textContent = 'Could not load figures: ' + error.message;
  }

  // ---- Start -------------------------------------------------------------------------------------------------------

  async function start() {
    try {
      const settings = await api('/v1/dashboard/settings');
      k = settings.minCellSize;
      headlineCells = settings.headlines;
    } catch (e) {
      $('live').textContent = 'Could not load the dashboard settings (' + e.message + '): the dashboard needs a user '
        + 'with the LEADERSHIP role.';
      return;
    }
    document.querySelectorAll('.k').forEach(span => { span.textContent = String(k); });
    $('main').hidden = false;
    $('tier').innerHTML = TIERS.map(t => '<option value="' + t + '"' + (t === 'MANAGEMENT' ? ' selected' : '') + '>'
      + esc(TIER_NAMES[t].option) + '</option>').join('');
    $('cell-group').innerHTML = ['TOTAL', 'RESPONDED', 'NOT_DISCLOSED', 'INDIGENOUS', 'FIRST_NATIONS', 'METIS', 'INUIT',
      'BLACK', 'EAST_ASIAN', 'SOUTH_ASIAN', 'SOUTHEAST_ASIAN', 'LATIN_AMERICAN', 'MIDDLE_EASTERN', 'ANOTHER_RACE',
      'RACIALIZED', 'INDIGENOUS_BLACK_RACIALIZED', 'WHITE_ONLY', 'MULTIPLE']
      .map(g => '<option value="' + g + '"' + (g === 'BLACK' ? ' selected' : '') + '>' + g + '</option>').join('');
    await loadScopes();
    if (reportMode) {
      await startReport();
      return;
    }
    offerTiers($('scope').value);
    await render({headlinesToo: true}).catch(showError);
    api('/v1/status').then(showFreshness).catch(() => {});
    $('live').textContent = 'Connecting to live updates…';
    follow('/v1/representation/stream');
    follow('/v1/dashboard/findings/stream');
  }

  /** The quarterly report: the chosen scope's figures once, every table shown, nothing interactive; then print. */
  async function startReport() {
    document.body.classList.add('report');
    const scope = params.get('scope') || 'ORG';
    const tier = params.get('tier') || 'MANAGEMENT';
    document.title = 'Quarterly report to Council: ' + scopeLabel(scope) + ', ' + tierLabel(tier);
    const today = new Date().toISOString().substring(0, 10);
    $('report-scope').textContent = scopeLabel(scope) + ', ' + tierLabel(tier) + '. The quarter ended '
      + quarterEnded(today) + '; prepared ' + today + ' from the published figures.';
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    await Promise.all([render({headlinesToo: true}), api('/v1/status').then(showFreshness).catch(() => {})])
      .catch(showError);
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    document.body.dataset.ready = 'true';
  }

  $('scope').addEventListener('change', () => {
    offerTiers($('scope').value);
    render().catch(showError);
  });
  $('tier').addEventListener('change', () => render().catch(showError));
  $('cell-group').addEventListener('change', () => cell($('scope').value, $('tier').value).catch(showError));
  $('print').addEventListener('click', () => window.print());
  $('units').addEventListener('click', event => {
    const target = event.target.closest('button[data-scope]');
    if (target) {
      $('scope').value = target.dataset.scope;
      offerTiers(target.dataset.scope);
      render().then(() => $('scope').focus()).catch(showError);
    }
  });
  document.addEventListener('click', event => {
    const target = event.target.closest('button[data-show-scope]');
    if (target && !reportMode) {
      event.preventDefault();
      showFigures(target.dataset.showScope, target.dataset.showTier, target.dataset.showGroup,
        target.dataset.showSection);
    } else if (event.target.id === 'all-findings') {
      allFindingsListed = true;
      alerts($('scope').value).catch(showError);
    }
  });
  start();
})();
