// HTX Connect insights dashboard: every figure comes from the GraphQL API with the analyst's token;
// charts are Apache ECharts (SVG renderer, so the page can be checked and printed).
(function () {
  'use strict';
  var TOKEN_KEY = 'htx.insights.token';
  var charts = [];

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function gql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'vi',
                 'Authorization': 'Bearer ' + token() },
      body: JSON.stringify({ query: query, variables: variables || {} })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (body.errors && body.errors.length) {
          var e = new Error(body.errors[0].message);
          e.code = body.errors[0].extensions && body.errors[0].extensions.code;
          throw e;
        }
        return body.data;
      });
    });
  }

  function el(id) { return document.getElementById(id); }

  function text(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }

  function empty(id, message) {
    var node = el(id);
    node.innerHTML = '<div class="empty">' + text(message) + '</div>';
    node.setAttribute('data-state', 'empty');
  }

  function draw(id, option, items) {
    var node = el(id);
    var chart = echarts.init(node, null, { renderer: 'svg' });
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
    node.setAttribute('data-state', 'rendered');
    node.setAttribute('data-items', String(items));
  }

  function fail(id, e) {
    empty(id, 'Không tải được: ' + e.message);
    el(id).setAttribute('data-state', 'error');
  }

  function pct(v) { return v == null ? '–' : (v * 100).toFixed(1).replace('.', ',') + '%'; }
  function num(v) { return Number(v || 0).toLocaleString('vi-VN'); }

  function kpis(f) {
    var items = [
      [num(f.cooperatives), 'hợp tác xã đang hoạt động trên hệ thống'],
      [num(f.cooperativeMembers), 'thành viên (đã khai)'],
      [pct(f.verifiedShare), 'được Liên minh HTX xác minh'],
      [pct(f.shareWithActiveLinkage), 'có ít nhất một liên kết cung ứng']
    ];
    el('kpis').innerHTML = items.map(function (k) {
      return '<div class="kpi"><b>' + text(k[0]) + '</b><span>' + text(k[1]) + '</span></div>';
    }).join('');
  }

  function linkages(f) {
    var q = f.linkagesPerQuarter || [];
    draw('chart-linkages', {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: q.map(function (x) { return x.quarter; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: 'Liên kết mới', smooth: true, areaStyle: { opacity: .15 },
                 data: q.map(function (x) { return x.formed; }), itemStyle: { color: '#15803d' } }]
    }, q.length);
  }

  function map(f, provinces) {
    var byCode = {};
    (f.byProvince || []).forEach(function (g) { byCode[g.key] = g; });
    var points = provinces.filter(function (p) { return byCode[p.code]; }).map(function (p) {
      var g = byCode[p.code];
      return { name: p.name, value: [p.centroid.lon, p.centroid.lat, g.organizations, g.verified] };
    });
    if (!points.length) { empty('chart-map', 'Chưa có hợp tác xã'); return; }
    var max = Math.max.apply(null, points.map(function (p) { return p.value[2]; }));
    draw('chart-map', {
      tooltip: { formatter: function (p) { return text(p.name) + ': ' + num(p.value[2]) + ' HTX, ' + num(p.value[3]) + ' đã xác minh'; } },
      grid: { left: 50, right: 20, top: 10, bottom: 40 },
      xAxis: { type: 'value', min: 102, max: 110, name: 'Kinh độ', nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'value', min: 8, max: 23.5, name: 'Vĩ độ' },
      series: [{ type: 'scatter', data: points,
                 symbolSize: function (v) { return 8 + 40 * Math.sqrt(v[2] / max); },
                 itemStyle: { color: 'rgba(21,128,61,.55)', borderColor: '#14532d' },
                 label: { show: true, position: 'right', fontSize: 10, formatter: function (p) { return p.name; } } }]
    }, points.length);
  }

  function gap(g) {
    var cats = g.categories.map(function (c) { return c.code; });
    var catNames = g.categories.map(function (c) { return c.nameVi; });
    var totals = {};
    var provinceNames = {};
    g.cells.forEach(function (c) {
      if (!c.category || !c.province) { return; }
      var key = c.category.code + '|' + c.province.code;
      provinceNames[c.province.code] = c.province.name;
      totals[key] = (totals[key] || 0) + (c.demand - c.supply) / 1000;
    });
    var provinces = Object.keys(provinceNames).sort(function (a, b) { return provinceNames[a].localeCompare(provinceNames[b], 'vi'); });
    var data = [];
    Object.keys(totals).forEach(function (key) {
      var parts = key.split('|');
      data.push([provinces.indexOf(parts[1]), cats.indexOf(parts[0]), Math.round(totals[key] * 10) / 10]);
    });
    if (!data.length) { empty('chart-gap', 'Chưa có dữ liệu cung hoặc cầu'); return; }
    var extent = Math.max.apply(null, data.map(function (d) { return Math.abs(d[2]); })) || 1;
    draw('chart-gap', {
      tooltip: { formatter: function (p) {
        var v = p.value[2];
        return text(provinceNames[provinces[p.value[0]]]) + ' · ' + text(catNames[p.value[1]]) + '<br>'
          + (v > 0 ? 'Thiếu ' : 'Thừa ') + num(Math.abs(v)) + ' tấn';
      } },
      grid: { left: 150, right: 20, top: 10, bottom: 120 },
      xAxis: { type: 'category', data: provinces.map(function (p) { return provinceNames[p]; }), axisLabel: { rotate: 50, fontSize: 10 } },
      yAxis: { type: 'category', data: catNames, axisLabel: { fontSize: 11 } },
      visualMap: { min: -extent, max: extent, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                   inRange: { color: ['#15803d', '#f7f7f7', '#b91c1c'] }, text: ['Thiếu cung', 'Thừa cung'] },
      series: [{ type: 'heatmap', data: data, label: { show: false } }]
    }, data.length);
  }

  // Why a search found nothing (UnmetSearchCause), in the order the legend shows them.
  var CAUSES = [['NOT_LISTED', 'Chưa có sản phẩm', '#b45309'], ['FILTERED_OUT', 'Bộ lọc loại hết', '#2563eb'],
                ['UNREADABLE', 'Không có chữ hoặc số', '#9ca3af'], ['UNKNOWN', 'Chưa rõ nguyên nhân', '#d1d5db']];

  function unmet(list, totals) {
    if (!list.length) { empty('chart-unmet', 'Không có tìm kiếm nào trả về rỗng'); return; }
    var rows = list.slice().reverse();
    var perCause = {};
    totals.forEach(function (t) { perCause[t.cause] = t.searches; });
    // One stacked series per cause, so each bar takes its cause's colour and the legend explains them.
    var shown = CAUSES.filter(function (c) { return perCause[c[0]] > 0 || rows.some(function (m) { return m.cause === c[0]; }); });
    draw('chart-unmet', {
      tooltip: { formatter: function (p) { return text(rows[p.dataIndex].query) + '<br>' + text(p.seriesName) + ': ' + num(p.value); } },
      legend: { top: 0 },
      grid: { left: 160, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(function (m) { return m.query; }), axisLabel: { fontSize: 11 } },
      series: shown.map(function (c) {
        return { type: 'bar', stack: 'cause', name: c[1] + ' (' + num(perCause[c[0]]) + ')', itemStyle: { color: c[2] },
                 data: rows.map(function (m) { return m.cause === c[0] ? m.searches : '-'; }) };
      })
    }, list.length);
  }

  function statuses(overview) {
    var rows = overview.byProvince.filter(function (r) { return r.total > 0; });
    if (!rows.length) { empty('chart-status', 'Chưa có hợp tác xã'); return; }
    var kinds = [['ACTIVE', 'Hoạt động', '#15803d'], ['NEW', 'Mới đăng ký', '#60a5fa'],
                 ['DORMANT', 'Ngừng hoạt động (6 tháng)', '#f59e0b'], ['PAPER_ONLY', 'Chỉ trên giấy', '#b91c1c']];
    draw('chart-status', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 90 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.province.name; }), axisLabel: { rotate: 50, fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map(function (k) {
        return { type: 'bar', stack: 's', name: k[1], itemStyle: { color: k[2] },
                 data: rows.map(function (r) { return r[k[0]] || 0; }) };
      })
    }, rows.length);
  }

  function events(list) {
    if (!list.length) { empty('chart-events', 'Chưa có sự kiện xúc tiến thương mại'); return; }
    var names = list.map(function (e) { return e.name; });
    var series = [['participants', 'Người tham gia', '#0f766e'], ['leads', 'Khách hàng tiềm năng', '#a16207'],
                  ['inquiries', 'Hỏi hàng (90 ngày)', '#1d4ed8'], ['linkages', 'Liên kết (90 ngày)', '#15803d']];
    draw('chart-events', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 80 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, fontSize: 10, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(function (s) {
        return { type: 'bar', name: s[1], itemStyle: { color: s[2] }, data: list.map(function (e) { return e.outcomes[s[0]]; }) };
      })
    }, list.length);
  }

  function days(v) { return v == null ? '–' : String(v).replace('.', ','); }
  function millions(v) { return Math.round(Number(v || 0) / 1e6); }

  var AUDIENCES = { FOUNDERS: 'Sáng lập HTX', MANAGERS: 'Cán bộ quản lý', MEMBERS: 'Thành viên' };

  // Courses and support: the period's course figures and the fund's applications, amounts and medians.
  function support(c, s) {
    var t = s.total;
    var items = [
      [num(c.courses), 'lớp tập huấn, ' + num(c.registered) + ' lượt đăng ký'],
      [num(c.attended) + ' / ' + num(c.completed), 'học viên tham gia / hoàn thành'],
      [num(t.applications), 'hồ sơ xin hỗ trợ, ' + num(t.approvals) + ' được duyệt, ' + num(t.rejections) + ' bị từ chối'],
      [num(millions(t.approvedVnd)) + ' / ' + num(millions(t.disbursedVnd)), 'triệu đồng đã duyệt / đã giải ngân'],
      [days(s.medianDaysToDecision), 'ngày từ nộp hồ sơ đến quyết định (trung vị)'],
      [days(s.medianDaysToFirstDisbursement), 'ngày từ duyệt đến giải ngân lần đầu (trung vị)']
    ];
    el('support-kpis').innerHTML = items.map(function (k) {
      return '<div class="kpi"><b>' + text(k[0]) + '</b><span>' + text(k[1]) + '</span></div>';
    }).join('');
    var aud = c.byAudience.filter(function (a) { return a.registered > 0; });
    if (!aud.length) { empty('chart-courses', 'Chưa có lớp tập huấn trong kỳ'); } else {
      draw('chart-courses', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 40, right: 10, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: aud.map(function (a) { return AUDIENCES[a.audience] || a.audience; }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [['registered', 'Đăng ký', '#60a5fa'], ['attended', 'Tham gia', '#0f766e'], ['completed', 'Hoàn thành', '#15803d']]
          .map(function (k) { return { type: 'bar', name: k[1], itemStyle: { color: k[2] }, data: aud.map(function (a) { return a[k[0]]; }) }; })
      }, aud.length);
    }
    var progs = s.byProgram;
    if (!progs.length) { empty('chart-support', 'Chưa có hồ sơ xin hỗ trợ trong kỳ'); return; }
    draw('chart-support', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 200, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'value', name: 'triệu đồng' },
      yAxis: { type: 'category', data: progs.map(function (p) { return p.program.name; }),
               axisLabel: { fontSize: 10, width: 190, overflow: 'truncate' } },
      series: [['budgetVnd', 'Tổng kinh phí', '#d1d5db'], ['committedVnd', 'Đã duyệt', '#a16207'],
               ['programDisbursedVnd', 'Đã giải ngân', '#15803d']]
        .map(function (k) { return { type: 'bar', name: k[1], itemStyle: { color: k[2] },
                                     data: progs.map(function (p) { return millions(p[k[0]]); }) }; })
    }, progs.length);
  }

  function yearAgo() {
    var d = new Date(Date.now() - 365 * 86400000);
    return d.toISOString().slice(0, 10);
  }

  function loadSupport() {
    return gql('query($f: Date) { courseFigures(filter: {from: $f}) { courses registered attended completed ' +
               'byAudience { audience registered attended completed } } ' +
               'supportFigures(filter: {from: $f}) { total { applications approvals rejections approvedVnd disbursedVnd } ' +
               'medianDaysToDecision medianDaysToFirstDisbursement ' +
               'byProgram { program { name } budgetVnd committedVnd programDisbursedVnd } } }', { f: yearAgo() })
      .then(function (d) { support(d.courseFigures, d.supportFigures); })
      .catch(function (e) { fail('chart-courses', e); fail('chart-support', e); });
  }

  var QUERIES = {
    figures: '{ cooperativeFigures { cooperatives cooperativeMembers verifiedShare shareWithActiveLinkage ' +
             'byProvince { key label organizations verified } linkagesPerQuarter { quarter formed } } ' +
             'provinces { code name centroid { lat lon } } }',
    gap: '{ supplyDemandGap { unit categories { code nameVi } cells { category { code } province { code name } month supply demand } } }',
    unmet: '{ unmetSearches(first: 10) { query searches cause } unmetSearchCauses { cause searches } }'
  };

  function load() {
    el('board').hidden = false;
    el('signin').hidden = true;
    var jobs = [];
    jobs.push(gql(QUERIES.figures).then(function (d) {
      kpis(d.cooperativeFigures); linkages(d.cooperativeFigures); map(d.cooperativeFigures, d.provinces);
    }).catch(function (e) { if (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED') { throw e; } fail('chart-map', e); fail('chart-linkages', e); }));
    jobs.push(gql(QUERIES.gap).then(function (d) { gap(d.supplyDemandGap); }).catch(function (e) { fail('chart-gap', e); }));
    jobs.push(gql(QUERIES.unmet).then(function (d) { unmet(d.unmetSearches, d.unmetSearchCauses); }).catch(function (e) { fail('chart-unmet', e); }));
    jobs.push(loadStatus());
    jobs.push(loadEvents());
    jobs.push(loadSupport());
    return Promise.all(jobs).then(function () {
      document.body.setAttribute('data-loaded', 'true');
    }).catch(function (e) {
      if (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED') {
        sessionStorage.removeItem(TOKEN_KEY);
        showSignin(e.code === 'FORBIDDEN' ? 'Tài khoản này không thuộc Liên minh HTX.' : 'Phiên đăng nhập đã hết hạn.');
      }
      document.body.setAttribute('data-loaded', 'error');
    });
  }

  function loadStatus() {
    return gql('{ cooperativeActivityOverview { province { code name } counts { total ACTIVE: active NEW: new DORMANT: dormant PAPER_ONLY: paperOnly } } }')
      .then(function (d) {
        statuses({ byProvince: d.cooperativeActivityOverview.map(function (p) {
          var c = p.counts; c.province = p.province; return c;
        }) });
      })
      .catch(function (e) { fail('chart-status', e); });
  }

  function loadEvents() {
    return gql('{ tradeEvents(first: 12) { edges { node { name outcomes { participants leads inquiries linkages } } } } }')
      .then(function (d) { events(d.tradeEvents.edges.map(function (e) { return e.node; })); })
      .catch(function (e) { fail('chart-events', e); });
  }

  function showSignin(message) {
    el('board').hidden = true;
    el('signin').hidden = false;
    el('signin-error').textContent = message || '';
  }

  el('signin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var form = ev.target;
    fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'vi' },
      body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token errors { message } } }',
        variables: { i: { email: form.email.value, password: form.password.value } } }) })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        var p = body.data && body.data.login;
        if (!p || !p.token) { showSignin((p && p.errors[0] && p.errors[0].message) || 'Đăng nhập không thành công'); return; }
        sessionStorage.setItem(TOKEN_KEY, p.token);
        load();
      });
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  // A token handed over in the fragment (never sent to the server) is kept for this tab only.
  var m = /[#&]token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname);
  }
  if (token()) { load(); } else { showSignin(); }
})();
