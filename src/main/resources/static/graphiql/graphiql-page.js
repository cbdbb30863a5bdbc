// GraphiQL against this server's /graphql, from the jar's WebJars (React 18 and GraphiQL's UMD bundle).
// The Headers tab takes {"Authorization": "Bearer <token from login, or an API key>"}; it is kept in
// localStorage, so a reload keeps the token. Subscriptions go over /graphql-ws (graphql-transport-ws), whose
// connections authenticate in connection_init: each Authorization value gets its own lazy client, so a new
// token in the Headers tab applies to the next subscription instead of riding on the first connection.
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const httpUrl = window.location.origin + (params.get('path') || '/graphql');
  const wsUrl = (window.location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + window.location.host
    + (params.get('wsPath') || '/graphql-ws');

  const byAuthorization = new Map();
  function fetcherFor(authorization) {
    const key = authorization || '';
    if (!byAuthorization.has(key)) {
      const wsClient = graphqlWs.createClient({
        url: wsUrl,
        lazy: true,
        connectionParams: key ? { Authorization: key } : {},
      });
      byAuthorization.set(key, GraphiQL.createFetcher({ url: httpUrl, wsClient: wsClient }));
    }
    return byAuthorization.get(key);
  }

  function authorizationOf(headers) {
    if (!headers) return undefined;
    const name = Object.keys(headers).find(function (h) { return h.toLowerCase() === 'authorization'; });
    return name ? headers[name] : undefined;
  }

  function fetcher(graphQLParams, options) {
    return fetcherFor(authorizationOf(options && options.headers))(graphQLParams, options);
  }

  const props = {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultQuery: '# HTX Connect GraphQL. Public queries need no token; for the rest sign in with\n'
      + '# mutation { login(input: {email: "...", password: "..."}) { token } }\n'
      + '# and put {"Authorization": "Bearer <token>"} in the Headers tab below.\n'
      + '{\n  provinces {\n    code\n    name\n  }\n}\n',
  };
  // Links may carry a query, like the stock page (never headers: a token does not belong in a URL): /graphiql?query=...
  if (params.get('query')) props.query = params.get('query');
  if (params.get('variables')) props.variables = params.get('variables');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
