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
        source: '/:path*',
        headers: [
          // No other site may frame Cue's pages (clickjacking); the microphone and tab capture are for this origin only.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'microphone=(self), display-capture=(self), camera=(), geolocation=()' },
        ],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
  },
};

export default nextConfig;
