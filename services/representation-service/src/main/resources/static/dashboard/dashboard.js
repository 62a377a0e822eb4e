'use strict';
// The leadership dashboard: every figure comes from the representation service's API, as published (aggregates,
// suppression applied). A suppressed count is shown as "<k" and nothing derived from it is shown.
(() => {
  const GROUPS = ['INDIGENOUS', 'BLACK', 'RACIALIZED', 'INDIGENOUS_BLACK_RACIALIZED'];
  const LABELS = {INDIGENOUS: 'Indigenous', BLACK: 'Black', RACIALIZED: 'Racialized',
    INDIGENOUS_BLACK_RACIALIZED: 'Indigenous, Black and racialized'};
  const COLOURS = ['#1d6fb8', '#8a3b12', '#2e7d32', '#5b2c83'];
  let k = 10;
  let workingGroupNames = {};
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

  const pct = v => v == null ? '—' : (100 * v).toFixed(1) + '%';
  const num = (v, d) => v == null ? '—' : Number(v).toFixed(d);
  const count = (v, suppressed) => suppressed ? '<' + k : (v == null ? '—' : String(v));
  const esc = s => String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

  function table(caption, headers, rows) {
    return '<table><caption>' + esc(caption) + '</caption><thead><tr>' +
      headers.map(h => '<th scope="col">' + esc(h) + '</th>').join('') + '</tr></thead><tbody>' +
      rows.map(r => '<tr>' + r.map((c, i) => (i === 0 ? '<th scope="row">' : '<td' +
        (String(c).startsWith('&lt;') ? ' class="suppressed"' : '') + '>') + c + (i === 0 ? '</th>' : '</td>'))
        .join('') + '</tr>').join('') + '</tbody></table>';
  }

  function scopeLabel(scope) {
    if (scope.startsWith('WORKING_GROUP:')) {
      const id = scope.substring('WORKING_GROUP:'.length);
      return 'Working group: ' + (workingGroupNames[id] || id);
    }
    return scope.replace(/^UNIT:/, '').replace(/^SERVICE_LINE:/, 'Service line ').replace('PUBLIC_SAFETY', 'Public safety')
      .replace(/^ORG$/, 'Whole organisation');
  }

  async function loadScopes() {
    const [scopes, groups] = await Promise.all([api('/v1/representation/scopes'), api('/v1/working-groups')]);
    workingGroupNames = Object.fromEntries(groups.map(g => [g.workingGroupId, g.workingGroupName]));
    const select = $('scope');
    const names = Object.keys(scopes).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    select.innerHTML = names.map(s => '<option value="' + esc(s) + '">' + esc(scopeLabel(s)) + '</option>').join('');
    return names;
  }

  function rank(scope) {
    return scope === 'ORG' ? 0 : scope === 'PUBLIC_SAFETY' ? 1 : scope.startsWith('SERVICE_LINE:') ? 2
      : scope.startsWith('UNIT:') ? 3 : 4;
  }

  async function render() {
    const scope = $('scope').value;
    const tier = $('tier').value;
    $('scope-path').textContent = 'Showing: ' + scopeLabel(scope) + ' — ' + $('tier').selectedOptions[0].text;
    await Promise.all([representation(scope, tier), trend(scope, tier), flows(scope, tier), goals(scope), alerts(),
      units(scope), cell(scope, tier), workingGroups()]);
  }

  async function representation(scope, tier) {
    const cells = await api('/v1/representation?scope=' + encodeURIComponent(scope) + '&tier=' + tier);
    const byGroup = Object.fromEntries(cells.map(c => [c.group, c]));
    const rows = GROUPS.map(g => byGroup[g]).filter(Boolean);
    const total = byGroup.TOTAL;
    $('representation-table').innerHTML = (total ? '<p id="headcount-today">Headcount today: ' + total.headcount
      + '</p>' : '') + (rows.length === 0 ? '<p>No one in this cell.</p>' : table(
      'Representation in ' + scopeLabel(scope) + ', ' + tier,
      ['Group', 'Count', 'Headcount', 'Representation', '95% CI', 'Benchmark', 'Gap (points)', 'Index', 'pUnder',
        'As of'],
      rows.map(c => [esc(LABELS[c.group]), count(c.count, c.suppressed), String(c.headcount), pct(c.representation),
        c.suppressed ? '—' : pct(c.ci95Low) + ' – ' + pct(c.ci95High), pct(c.benchmark), num(c.gapPoints, 2),
        num(c.representationIndex, 2), c.pUnder == null ? '—' : Number(c.pUnder).toPrecision(3), esc(c.asOf)])));
    const width = 640, row = 34, left = 230, plot = width - left - 20;
    const bars = rows.map((c, i) => {
      const y = 10 + i * row;
      let marks = '<text x="0" y="' + (y + 16) + '">' + esc(LABELS[c.group]) + '</text>';
      if (c.suppressed) {
        marks += '<text x="' + left + '" y="' + (y + 16) + '" font-style="italic">suppressed (&lt;' + k + ')</text>';
      } else {
        marks += '<rect x="' + left + '" y="' + (y + 4) + '" height="16" width="' + (plot * c.representation).toFixed(1)
          + '" fill="' + COLOURS[i] + '"></rect>';
        marks += '<line x1="' + (left + plot * c.ci95Low).toFixed(1) + '" x2="' + (left + plot * c.ci95High).toFixed(1)
          + '" y1="' + (y + 12) + '" y2="' + (y + 12) + '" stroke="#1a1a1a" stroke-width="2"></line>';
      }
      if (c.benchmark != null) {
        marks += '<line x1="' + (left + plot * c.benchmark).toFixed(1) + '" x2="' + (left + plot * c.benchmark).toFixed(1)
          + '" y1="' + y + '" y2="' + (y + 24) + '" stroke="#000" stroke-width="3"></line>';
      }
      return marks;
    }).join('');
    $('representation-chart').innerHTML = rows.length === 0 ? '' : '<svg role="img" aria-label="Representation of '
      + 'each group against its benchmark; the table view below has the same figures" viewBox="0 0 ' + width + ' '
      + (20 + rows.length * row) + '">' + bars + '</svg>';
  }

  async function trend(scope, tier) {
    const snapshots = await api('/v1/snapshots?scope=' + encodeURIComponent(scope) + '&tier=' + tier);
    const quarters = [...new Set(snapshots.map(s => s.quarter))].sort();
    const value = (q, g) => snapshots.find(s => s.quarter === q && s.figures.group === g);
    $('trend-table').innerHTML = quarters.length === 0 ? '<p>No quarter has ended yet.</p>' : table(
      'Representation at each quarter end', ['Quarter'].concat(GROUPS.map(g => LABELS[g])),
      quarters.map(q => [esc(q)].concat(GROUPS.map(g => {
        const s = value(q, g);
        return s == null ? '—' : s.figures.suppressed ? '&lt;' + k : pct(s.figures.representation);
      }))));
    const width = 640, height = 220, left = 40, top = 10, plotW = width - left - 10, plotH = height - 40;
    const max = Math.max(0.05, ...snapshots.filter(s => s.figures.representation != null && GROUPS.includes(s.figures.group))
      .map(s => s.figures.representation));
    const x = i => left + (quarters.length < 2 ? plotW / 2 : plotW * i / (quarters.length - 1));
    const y = v => top + plotH * (1 - v / max);
    const lines = GROUPS.map((g, gi) => {
      const points = quarters.map((q, i) => [i, value(q, g)]).filter(([, s]) => s && s.figures.representation != null
        && !s.figures.suppressed).map(([i, s]) => x(i).toFixed(1) + ',' + y(s.figures.representation).toFixed(1));
      return '<polyline fill="none" stroke="' + COLOURS[gi] + '" stroke-width="2" points="' + points.join(' ') + '"></polyline>';
    }).join('');
    const every = Math.ceil(quarters.length / 6);
    const labels = quarters.map((q, i) => i % every !== 0 ? '' : '<text x="' + x(i).toFixed(1) + '" y="' + (height - 8)
      + '" font-size="10" text-anchor="middle">' + esc(q) + '</text>').join('');
    const legend = GROUPS.map((g, gi) => '<text x="' + (left + 5) + '" y="' + (top + 12 + gi * 14) + '" font-size="11" fill="'
      + COLOURS[gi] + '">' + esc(LABELS[g]) + '</text>').join('');
    $('trend-chart').innerHTML = quarters.length === 0 ? '' : '<svg role="img" aria-label="Representation of each group at '
      + 'each quarter end; the table view below has the same figures" viewBox="0 0 ' + width + ' ' + height + '">'
      + '<line x1="' + left + '" y1="' + (top + plotH) + '" x2="' + (left + plotW) + '" y2="' + (top + plotH)
      + '" stroke="#4a4a4a"></line><text x="0" y="' + (top + 10) + '" font-size="10">' + pct(max) + '</text>'
      + lines + labels + legend + '</svg>';
  }

  async function flows(scope, tier) {
    const periods = await api('/v1/flows/periods');
    const rolling = periods.filter(p => p.startsWith('R12M-')).sort();
    let records = [];
    let period = null;
    for (let i = rolling.length - 1; i >= 0 && records.length === 0; i--) {
      const candidate = await api('/v1/flows?period=' + rolling[i] + '&scope=' + encodeURIComponent(scope) + '&tier=' + tier);
      if (candidate.length > 0 && candidate[0].complete) {
        records = candidate;
        period = rolling[i];
      }
    }
    $('flows-period').textContent = period ? 'The 12 months ending ' + period.substring(5) + '; ratios compare with '
      + 'the reference group.' : 'No complete 12-month period yet.';
    const byGroup = Object.fromEntries(records.map(f => [f.group, f]));
    const rows = GROUPS.map(g => byGroup[g]).filter(Boolean);
    const withheld = (f, name) => f.suppressed.includes(name);
    $('flows-table').innerHTML = rows.length === 0 ? '<p>No flows for this cell.</p>' : table(
      'Promotions into and separations from ' + tier,
      ['Group', 'Promotions', 'Pool', 'Promotion rate', 'Adverse impact', 'Separations', 'Separation rate', 'Ratio'],
      rows.map(f => [esc(LABELS[f.group]), count(f.promotionsInto, withheld(f, 'PROMOTIONS_INTO')),
        count(f.promotionPool, withheld(f, 'PROMOTION_POOL')), pct(f.promotionRate), num(f.promotionAdverseImpactRatio, 2),
        count(f.separations, withheld(f, 'SEPARATIONS')), pct(f.separationRate), num(f.separationRateRatio, 2)]));
    const width = 640, row = 30, left = 230, plot = width - left - 60;
    const bars = rows.map((f, i) => {
      const y = 10 + i * row;
      const air = f.promotionAdverseImpactRatio;
      return '<text x="0" y="' + (y + 15) + '">' + esc(LABELS[f.group]) + '</text>' + (air == null
        ? '<text x="' + left + '" y="' + (y + 15) + '" font-style="italic">not shown</text>'
        : '<rect x="' + left + '" y="' + (y + 3) + '" height="16" width="' + (plot * Math.min(air, 1.5) / 1.5).toFixed(1)
          + '" fill="' + (air < 0.8 ? '#8a1c1c' : '#1d6fb8') + '"></rect><text x="' + (left + 5 + plot * Math.min(air, 1.5) / 1.5)
          + '" y="' + (y + 15) + '">' + num(air, 2) + '</text>');
    }).join('');
    const rule = left + plot * 0.8 / 1.5;
    $('flows-chart').innerHTML = rows.length === 0 ? '' : '<svg role="img" aria-label="Promotion adverse-impact ratio of '
      + 'each group; the dashed line is the four-fifths threshold; the table view has the same figures" viewBox="0 0 '
      + width + ' ' + (20 + rows.length * row) + '">' + bars + '<line x1="' + rule + '" x2="' + rule + '" y1="0" y2="'
      + (20 + rows.length * row) + '" stroke="#000" stroke-dasharray="4"></line></svg>';
  }

  function findingTitle(a) {
    return a.rule + (a.measure ? ' (' + a.measure.toLowerCase().replace(/_/g, ' ') + ')' : '') + ' — '
      + (LABELS[a.group] || a.group) + ' in ' + scopeLabel(a.scope) + ', ' + a.tier;
  }

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
    const width = 640, row = 22, left = 230, plot = width - left - 60;
    const bars = groups.flatMap(g => [['members', g.members], ['leadership', g.leadership]].map(([what, cells]) => {
      const c = find(cells, 'INDIGENOUS_BLACK_RACIALIZED');
      return {label: g.workingGroupName + ', ' + what, cell: c};
    })).map((b, i) => {
      const y = 10 + i * row;
      const text = '<text x="0" y="' + (y + 14) + '" font-size="12">' + esc(b.label) + '</text>';
      if (b.cell == null) {
        return text + '<text x="' + left + '" y="' + (y + 14) + '" font-size="12">no one</text>';
      }
      if (b.cell.suppressed) {
        return text + '<text x="' + left + '" y="' + (y + 14) + '" font-size="12" font-style="italic">suppressed (&lt;'
          + k + ')</text>';
      }
      const w = plot * b.cell.representation;
      return text + '<rect x="' + left + '" y="' + (y + 3) + '" height="14" width="' + w.toFixed(1)
        + '" fill="' + COLOURS[3] + '"></rect><text x="' + (left + w + 4).toFixed(1) + '" y="' + (y + 14)
        + '" font-size="12">' + pct(b.cell.representation) + '</text>';
    }).join('');
    $('working-groups-chart').innerHTML = groups.length === 0 ? '' : '<svg role="img" aria-label="Share of '
      + 'Indigenous, Black and racialized people among each working group\'s members and in its leadership roles; '
      + 'the table view below has the figures" viewBox="0 0 ' + width + ' ' + (20 + 2 * groups.length * row) + '">'
      + bars + '</svg>';
  }

  // Open findings, highest priority first; each opens onto the cells beneath its head, and stays open when a live
  // change re-renders the list.
  const TIERS = ['ALL', 'LEADERSHIP', 'MANAGEMENT', 'SENIOR_LEADERSHIP', 'EXECUTIVE'];

  async function goals(scope) {
    const all = await api('/v1/goal-figures?scope=' + encodeURIComponent(scope));
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
    $('goals-chart').innerHTML = all.filter(g => g.projection.length > 0).map(g => projectionChart(g, label(g.group)))
      .join('');
  }

  // One goal's projection: today, then each quarter end to the target date; the band is the 95% interval, the
  // dashed line the goal.
  function projectionChart(g, name) {
    const width = 640, height = 180, left = 48, top = 24, plotW = width - left - 20, plotH = height - top - 34;
    const points = [{date: g.asOf, share: g.representation, low: g.representation, high: g.representation}]
      .filter(p => p.share != null).concat(g.projection);
    const max = Math.max(g.targetShare || 0, ...points.map(p => p.high)) * 1.15 || 0.05;
    const x = i => left + plotW * i / Math.max(1, points.length - 1);
    const y = v => top + plotH * (1 - v / max);
    const band = points.map((p, i) => x(i).toFixed(1) + ',' + y(p.high).toFixed(1))
      .concat(points.map((p, i) => x(i).toFixed(1) + ',' + y(p.low).toFixed(1)).reverse()).join(' ');
    const line = points.map((p, i) => x(i).toFixed(1) + ',' + y(p.share).toFixed(1)).join(' ');
    const goal = g.targetShare == null ? '' : '<line x1="' + left + '" x2="' + (left + plotW) + '" y1="'
      + y(g.targetShare).toFixed(1) + '" y2="' + y(g.targetShare).toFixed(1)
      + '" stroke="#000" stroke-dasharray="6 4" stroke-width="2"></line><text x="' + (left + plotW) + '" y="'
      + (y(g.targetShare) - 4).toFixed(1) + '" font-size="11" text-anchor="end">goal ' + pct(g.targetShare) + '</text>';
    const ticks = [0, max / 2, max].map(v => '<text x="' + (left - 6) + '" y="' + (y(v) + 4).toFixed(1)
      + '" font-size="10" text-anchor="end">' + pct(v) + '</text>').join('');
    const dates = points.map((p, i) => i !== 0 && i !== points.length - 1 ? '' : '<text x="' + x(i).toFixed(1)
      + '" y="' + (height - 12) + '" font-size="10" text-anchor="' + (i === 0 ? 'start' : 'end') + '">'
      + esc(p.date) + '</text>').join('');
    return '<svg role="img" aria-label="' + esc(name + ', ' + g.tier + ': projected representation to '
      + g.targetDate + ' with its 95% interval, against the goal; the table view below has the figures')
      + '" viewBox="0 0 ' + width + ' ' + height + '"><text x="0" y="14" font-size="12" font-weight="bold">'
      + esc(name + ', ' + g.tier) + '</text>'
      + '<polygon points="' + band + '" fill="#9ecae1" fill-opacity="0.6"></polygon>'
      + '<polyline points="' + line + '" fill="none" stroke="#1d6fb8" stroke-width="2"></polyline>'
      + '<line x1="' + left + '" x2="' + (left + plotW) + '" y1="' + (top + plotH) + '" y2="' + (top + plotH)
      + '" stroke="#4a4a4a"></line>' + goal + ticks + dates + '</svg>';
  }

  async function alerts() {
    const open = await api('/v1/dashboard/findings');
    const opened = new Set([...$('alerts').querySelectorAll('details[open]')].map(d => d.dataset.finding));
    $('alerts').innerHTML = open.length === 0 ? '<p>No open findings.</p>' : '<ol class="findings">' + open.map(f =>
      '<li><details data-finding="' + esc(f.findingId) + '"' + (opened.has(f.findingId) ? ' open' : '') + '><summary><span class="severity-' + esc(f.severity) + '">' + esc(f.severity) + '</span> '
        + esc(findingTitle(f)) + ': ' + esc(f.explanation) + ' <span class="finding-meta">(priority '
        + esc(num(f.priority, 1)) + ', first seen ' + esc(String(f.head.firstSeen).substring(0, 10))
        + (f.cells.length === 0 ? '' : ', ' + f.cells.length + (f.cells.length === 1 ? ' cell' : ' cells')
          + ' beneath') + ')</span></summary>'
        + (f.cells.length === 0 ? '<p>No cell beneath this one holds the same finding.</p>'
          : table('Cells beneath ' + scopeLabel(f.scope) + ', ' + f.tier, ['Cell', 'Severity', 'Explanation'],
            f.cells.map(c => [esc(scopeLabel(c.scope) + ', ' + c.tier), '<span class="severity-' + esc(c.severity)
              + '">' + esc(c.severity) + '</span>', esc(c.explanation)])))
        + '</details></li>').join('') + '</ol>';
  }

  async function units(scope) {
    const select = $('scope');
    const all = [...select.options].map(o => o.value);
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
    const found = await api('/v1/representation?scope=' + encodeURIComponent(scope) + '&tier=' + tier + '&group=' + group);
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
    return render().then(() => {
      $('live').textContent = 'Updated ' + new Date().toLocaleTimeString();
    }).catch(show);
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

  function show(error) {
    $('live').textContent = 'Could not load figures: ' + error.message;
  }

  async function start() {
    try {
      const settings = await api('/v1/dashboard/settings');
      k = settings.minCellSize;
    } catch (e) {
      $('live').textContent = 'Could not load the dashboard settings (' + e.message + '): the dashboard needs a user '
        + 'with the LEADERSHIP role.';
      return;
    }
    $('main').hidden = false;
    $('cell-group').innerHTML = ['TOTAL', 'RESPONDED', 'NOT_DISCLOSED', 'INDIGENOUS', 'FIRST_NATIONS', 'METIS', 'INUIT',
      'BLACK', 'EAST_ASIAN', 'SOUTH_ASIAN', 'SOUTHEAST_ASIAN', 'LATIN_AMERICAN', 'MIDDLE_EASTERN', 'ANOTHER_RACE',
      'RACIALIZED', 'INDIGENOUS_BLACK_RACIALIZED', 'WHITE_ONLY', 'MULTIPLE']
      .map(g => '<option value="' + g + '"' + (g === 'BLACK' ? ' selected' : '') + '>' + g + '</option>').join('');
    await loadScopes();
    await render().catch(show);
    api('/v1/status').then(showFreshness).catch(() => {});
    $('live').textContent = 'Connecting to live updates…';
    follow('/v1/representation/stream');
    follow('/v1/dashboard/findings/stream');
  }

  $('scope').addEventListener('change', () => render().catch(show));
  $('tier').addEventListener('change', () => render().catch(show));
  $('cell-group').addEventListener('change', () => cell($('scope').value, $('tier').value).catch(show));
  $('units').addEventListener('click', event => {
    const target = event.target.closest('button[data-scope]');
    if (target) {
      $('scope').value = target.dataset.scope;
      render().then(() => $('scope').focus()).catch(show);
    }
  });
  start();
})();
