import { mountPage } from '~/components/mount';
import { WalkthroughPrint } from '~/components/recorder/WalkthroughPrint';

mountPage(<WalkthroughPrint />);
