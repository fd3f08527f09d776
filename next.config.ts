import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run dev` opened on http://127.0.0.1:<port> (not only localhost) must get HMR and server actions.
  allowedDevOrigins: ['127.0.0.1', '::1', '[::1]'],
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ws'],
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
  },
};

export default nextConfig;
