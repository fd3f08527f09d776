import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { SiteForm } from '@/components/website/admin/site-form';
import { requireAdmin } from '@/lib/server/auth/page-access';

export const metadata = { title: 'New site — Cue' };
export const dynamic = 'force-dynamic';

export default async function NewSitePage() {
  await requireAdmin('/admin/sites/new');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New website</h1>
      <SiteForm
        isNew
        initial={{ id: '', name: '', allowedOrigins: [], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#4f46e5', label: 'Ask us', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS, active: true }}
      />
    </div>
  );
}
