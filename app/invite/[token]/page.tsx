import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/accounts/auth-field';
import { InviteForm } from '@/components/accounts/invite-form';
import { invitationStatus } from '@/lib/server/services/accounts';
import { formatDateTime } from '@/lib/shared/format';

export const metadata: Metadata = { title: 'Join Cue' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

const ROLE_WORDS = { member: 'a member', coach: 'a coach', admin: 'an admin' } as const;
const CLOSED = {
  used: 'This invitation has already been used.',
  expired: 'This invitation has expired.',
  unknown: 'This invitation link is not valid.',
} as const;

/** An invitation link: who you will be, then name, email and password. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const status = token.length >= 20 && token.length <= 100 ? await invitationStatus(token) : ({ status: 'unknown' } as const);
  if (status.status !== 'open') {
    return (
      <AuthCard title="This link does not work" intro={`${CLOSED[status.status]} Ask the admin who sent it for a new one.`}>
        <p data-testid="invite-closed" data-status={status.status} className="text-sm">
          <Link href="/sign-in" className="text-cue underline">
            Sign in
          </Link>{' '}
          if you already have an account.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Join Cue"
      intro={`You are invited as ${ROLE_WORDS[status.role]}${status.teamName ? ` of the team ${status.teamName}` : ''}. The link works once, until ${formatDateTime(status.expiresAt)}.`}
    >
      <InviteForm token={token} />
    </AuthCard>
  );
}
