import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run dev` opened on http://127.0.0.1:<port> (not only localhost) must get HMR and server actions.
  allowedDevOrigins: ['127.0.0.1', '::1', '[::1]'],
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ws'],
  async headers() {
    return [
      {
        // Every page but the website widget's embed (its frame-ancestors are per site: proxy.ts) and loader.
        source: '/((?!embed/|widget\\.js$).*)',
        headers: [
          // No other site may frame Cue's pages (clickjacking); the microphone and tab capture are for this origin only.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'microphone=(self), display-capture=(self), camera=(), geolocation=()' },
        ],
      },
      {
        source: '/embed/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'microphone=(self), display-capture=(), camera=(), geolocation=()' },
        ],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
  },
  // Browser bundles only: keep the realtime SDK chunk free of what a page never runs.
  // scripts/check-bundle-budget.ts fails the check if any of it comes back.
  turbopack: {
    resolveAlias: {
      // The text-agent SDK's barrel: the realtime package needs a handful of its names.
      '@openai/agents-core': { browser: './scripts/bundle/agents-core-browser.mjs' },
      // zod 3 (the app is on zod 4): only openai's vendored zod-to-json-schema asks for it.
      'zod/v3': { browser: './scripts/bundle/zod-v3-browser.ts' },
    },
    rules: {
      // The text-agent runner behind Agent.asTool(): see the loader.
      'agent.mjs': [
        {
          condition: { all: ['browser', { path: /node_modules[\\/]@openai[\\/]agents-core[\\/]dist[\\/]agent\.mjs$/ }] },
          loaders: ['./scripts/bundle/browser-agent-without-runner.cjs'],
        },
      ],
    },
  },
};

export default nextConfig;
